import { findProductById } from '@shop/catalog';
import { queueNotification } from '@shop/notifications/notifications.service.ts';
import { now } from '@shop/shared/clock.ts';
import { db } from '@shop/shared/db.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '@shop/shared/errors.ts';
import {
  deleteReview,
  findReview,
  hasReviewed,
  insertReview,
  type ReviewRow,
  refreshProductRating,
  setReviewStatus,
  updateReview,
} from './reviews.repository.ts';

export function toReviewView(row: ReviewRow) {
  return {
    id: row.id,
    productId: row.product_id,
    author: row.author_name,
    rating: row.rating,
    title: row.title,
    body: row.body,
    status: row.status,
    helpfulVotes: row.helpful_votes,
    verifiedPurchase: row.verified_purchase === 1,
    createdAt: row.created_at,
  };
}

export function submitReview(
  productId: number,
  userId: number,
  input: { rating: number; title: string; body: string },
) {
  const product = findProductById(productId);
  if (product?.status !== 'active') throw new NotFoundError('Product', productId);
  if (hasReviewed(productId, userId))
    throw new ConflictError('You already reviewed this product', 'already_reviewed');
  return insertReview({ productId, userId, ...input, createdAt: now() });
}

export function editReview(
  reviewId: number,
  userId: number,
  changes: { rating?: number; title?: string; body?: string },
) {
  const review = findReview(reviewId);
  if (!review) throw new NotFoundError('Review', reviewId);
  if (review.user_id !== userId) throw new ForbiddenError('Only the author can edit a review');
  db().transaction(() => {
    updateReview(reviewId, changes);
    if (review.status === 'published') refreshProductRating(review.product_id);
  })();
}

export function removeReview(reviewId: number, actor: { id: number; role: string }) {
  const review = findReview(reviewId);
  if (!review) throw new NotFoundError('Review', reviewId);
  if (review.user_id !== actor.id && actor.role === 'customer') throw new ForbiddenError();
  db().transaction(() => {
    deleteReview(reviewId);
    refreshProductRating(review.product_id);
  })();
}

export function moderateReview(reviewId: number, decision: 'publish' | 'reject'): ReviewRow {
  const review = findReview(reviewId);
  if (!review) throw new NotFoundError('Review', reviewId);
  if (review.status !== 'pending')
    throw new ConflictError(`Review is already ${review.status}`, 'already_moderated');
  db().transaction(() => {
    setReviewStatus(reviewId, decision === 'publish' ? 'published' : 'rejected');
    refreshProductRating(review.product_id);
  })();
  // Queued after the commit: a moderation decision stands even if the email cannot be queued.
  if (decision === 'publish') {
    const product = findProductById(review.product_id);
    queueNotification({
      userId: review.user_id,
      template: 'review_published',
      payload: { productName: product?.name },
    });
  }
  return findReview(reviewId)!;
}
