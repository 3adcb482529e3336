import { previewDiscount } from '@shop/promotions/discounts.ts';
import { currentUser, requireAuth } from '@shop/shared/auth.ts';
import { BadRequestError } from '@shop/shared/errors.ts';
import { idParam, validator } from '@shop/shared/validate.ts';
import { Router } from 'express';
import {
  addToCart,
  applyCoupon,
  changeQuantity,
  emptyCart,
  getCartContents,
  removeFromCart,
  toCartView,
} from './cart.service.ts';

export const cartRouter = Router();
cartRouter.use(requireAuth);

const MAX_QUANTITY = 20;

cartRouter.get('/', (req, res) => {
  res.json({ cart: toCartView(getCartContents(currentUser(req).id)) });
});

cartRouter.post('/items', (req, res) => {
  const v = validator(req.body);
  const productId = v.int('productId', { min: 1 });
  const quantity = v.optionalInt('quantity', { min: 1, max: MAX_QUANTITY }) ?? 1;
  v.done();
  const userId = currentUser(req).id;
  addToCart(userId, productId, quantity);
  res.status(201).json({ cart: toCartView(getCartContents(userId)) });
});

cartRouter.patch('/items/:itemId', (req, res) => {
  const itemId = idParam(req.params.itemId, 'itemId');
  const v = validator(req.body);
  const quantity = v.int('quantity', { min: 1, max: MAX_QUANTITY });
  v.done();
  const userId = currentUser(req).id;
  changeQuantity(userId, itemId, quantity);
  res.json({ cart: toCartView(getCartContents(userId)) });
});

cartRouter.delete('/items/:itemId', (req, res) => {
  const userId = currentUser(req).id;
  removeFromCart(userId, idParam(req.params.itemId, 'itemId'));
  res.json({ cart: toCartView(getCartContents(userId)) });
});

cartRouter.delete('/', (req, res) => {
  const userId = currentUser(req).id;
  emptyCart(getCartContents(userId).cartId);
  res.json({ cart: toCartView(getCartContents(userId)) });
});

cartRouter.put('/coupon', (req, res) => {
  const v = validator(req.body);
  const code = v.string('code', { min: 3, max: 24 });
  v.done();
  const userId = currentUser(req).id;
  const { problem } = previewDiscount(code, getCartContents(userId).subtotalCents);
  if (problem === 'unknown') throw new BadRequestError(`Coupon ${code} does not exist`, 'coupon_unknown');
  applyCoupon(userId, code);
  res.json({ cart: toCartView(getCartContents(userId)) });
});

cartRouter.delete('/coupon', (req, res) => {
  const userId = currentUser(req).id;
  applyCoupon(userId, null);
  res.json({ cart: toCartView(getCartContents(userId)) });
});
