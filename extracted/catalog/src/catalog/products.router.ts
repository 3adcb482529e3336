import { Router } from 'express';
import { optionalAuth, requireStaff } from '../shared/auth.ts';
import { createProduct, getProduct, listProducts, patchProduct } from './products.handlers.ts';

export const productsRouter = Router();

productsRouter.get('/', optionalAuth, listProducts({ defaultSort: 'newest' }));
productsRouter.get('/search', optionalAuth, listProducts({ defaultSort: 'name', requireQuery: true }));
productsRouter.get('/:productIdOrSlug', optionalAuth, getProduct());
productsRouter.post('/', requireStaff, createProduct());
productsRouter.patch('/:productId', requireStaff, patchProduct());
// Products are never deleted: order history points at them.
productsRouter.delete('/:productId', requireStaff, patchProduct({ status: 'archived' }));
