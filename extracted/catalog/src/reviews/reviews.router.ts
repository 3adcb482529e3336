import { Router } from 'express';
import { NotFoundError } from '../../lib/errors.ts';
import { pageOf, readPage } from '../../lib/pagination.js';
import { idParam, validator } from '../../lib/validate.ts';
import { currentUser, requireAuth, requireStaff } from '../shared/auth.ts';
import {
  findReview,
  pendingReviews,
  publishedForProduct,
  reviewsByUser,
  upsertVote,
} from './reviews.repository.ts';
import { editReview, moderateReview, removeReview, submitReview, toReviewView } from './reviews.service.ts';

/** Mounted under /api/catalog/products/:productId/reviews by routes.ts. */
export const productReviewsRouter = Router({ mergeParams: true });

function productIdOf(params: unknown): number {
  return idParam((params as { productId?: string }).productId, 'productId');
}

productReviewsRouter.get('/', (req, res) => {
  const paging = readPage(req.query);
  const sort = req.query.sort === 'helpful' ? 'helpful' : 'newest';
  const { rows, total } = publishedForProduct(productIdOf(req.params), sort, paging.pageSize, paging.offset);
  res.json(pageOf(rows.map(toReviewView), paging, total));
});

productReviewsRouter.post('/', requireAuth, (req, res) => {
  const v = validator(req.body);
  const rating = v.int('rating', { min: 1, max: 5 });
  const title = v.string('title', { min: 3, max: 120 });
  const body = v.optionalString('body', { max: 4000 }) ?? '';
  v.done();
  const id = submitReview(productIdOf(req.params), currentUser(req).id, { rating, title, body });
  res.status(201).json({ review: toReviewView(findReview(id)!) });
});

export const reviewsRouter = Router();

reviewsRouter.get('/mine', requireAuth, (req, res) => {
  res.json({ items: reviewsByUser(currentUser(req).id).map(toReviewView) });
});

reviewsRouter.get('/pending', requireStaff, (req, res) => {
  const limit = Math.min(200, Number(req.query.limit ?? 50) || 50);
  res.json({ items: pendingReviews(limit).map(toReviewView) });
});

reviewsRouter.patch('/:reviewId', requireAuth, (req, res) => {
  const reviewId = idParam(req.params.reviewId, 'reviewId');
  const v = validator(req.body);
  const changes = {
    rating: v.optionalInt('rating', { min: 1, max: 5 }),
    title: v.optionalString('title', { min: 3, max: 120 }),
    body: v.optionalString('body', { max: 4000 }),
  };
  v.done();
  editReview(reviewId, currentUser(req).id, changes);
  res.json({ review: toReviewView(findReview(reviewId)!) });
});

reviewsRouter.delete('/:reviewId', requireAuth, (req, res) => {
  removeReview(idParam(req.params.reviewId, 'reviewId'), currentUser(req));
  res.status(204).end();
});

reviewsRouter.post('/:reviewId/votes', requireAuth, (req, res) => {
  const reviewId = idParam(req.params.reviewId, 'reviewId');
  const v = validator(req.body);
  const helpful = v.optionalBoolean('helpful');
  v.done();
  const review = findReview(reviewId);
  if (review?.status !== 'published') throw new NotFoundError('Review', reviewId);
  upsertVote(reviewId, currentUser(req).id, helpful ?? true);
  res.json({ review: toReviewView(findReview(reviewId)!) });
});

reviewsRouter.post('/:reviewId/moderation', requireStaff, (req, res) => {
  const v = validator(req.body);
  const decision = v.string('decision', { oneOf: ['publish', 'reject'] }) as 'publish' | 'reject';
  v.done();
  res.json({ review: toReviewView(moderateReview(idParam(req.params.reviewId, 'reviewId'), decision)) });
});
