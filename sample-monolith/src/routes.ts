import { accountsRouter } from '@shop/accounts/accounts.router.ts';
import { adminRouter } from '@shop/admin/admin.router.ts';
import { cartRouter } from '@shop/cart/cart.router.ts';
import { categoriesRouter, productsRouter } from '@shop/catalog';
import { inventoryRouter } from '@shop/inventory/inventory.router.ts';
import { notificationsRouter } from '@shop/notifications/notifications.router.ts';
import { ordersRouter } from '@shop/orders/orders.router.ts';
import { paymentsRouter } from '@shop/payments/payments.router.ts';
import { promotionsRouter } from '@shop/promotions/promotions.router.ts';
import { productReviewsRouter, reviewsRouter } from '@shop/reviews/reviews.router.ts';
import { shippingRouter } from '@shop/shipping/shipping.router.ts';
import type { Express } from 'express';
import { healthRouter } from './health.ts';

/** Every area's router and where it lives in the URL space. */
export function mountRoutes(app: Express): void {
  app.use('/', healthRouter);
  app.use('/api/accounts', accountsRouter);
  app.use('/api/catalog/products/:productId/reviews', productReviewsRouter);
  app.use('/api/catalog/products', productsRouter);
  app.use('/api/catalog/categories', categoriesRouter);
  app.use('/api/inventory', inventoryRouter);
  app.use('/api/cart', cartRouter);
  app.use('/api/promotions', promotionsRouter);
  app.use('/api/orders', ordersRouter);
  app.use('/api/payments', paymentsRouter);
  app.use('/api/shipping', shippingRouter);
  app.use('/api/notifications', notificationsRouter);
  app.use('/api/reviews', reviewsRouter);
  app.use('/api/admin', adminRouter);
}
