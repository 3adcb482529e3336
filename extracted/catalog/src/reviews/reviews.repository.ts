import { db } from '../../lib/db.ts';

export interface ReviewRow {
  id: number;
  product_id: number;
  user_id: number;
  author_name: string;
  rating: number;
  title: string;
  body: string;
  status: 'pending' | 'published' | 'rejected';
  created_at: string;
  helpful_votes: number;
  verified_purchase: number;
}

// Verified purchase looks straight into orders: reviews predate any orders API.
const REVIEW_SELECT = `
  SELECT r.*, u.name AS author_name,
         (SELECT COUNT(*) FROM review_votes v WHERE v.review_id = r.id AND v.helpful = 1) AS helpful_votes,
         EXISTS (SELECT 1 FROM order_items oi JOIN orders o ON o.id = oi.order_id
                  WHERE oi.product_id = r.product_id AND o.user_id = r.user_id
                    AND o.status IN ('paid', 'shipped', 'delivered')) AS verified_purchase
    FROM reviews r JOIN users u ON u.id = r.user_id`;

export function publishedForProduct(
  productId: number,
  sort: 'newest' | 'helpful',
  limit: number,
  offset: number,
) {
  const order = sort === 'helpful' ? 'helpful_votes DESC, r.id DESC' : 'r.created_at DESC, r.id DESC';
  const rows = db()
    .prepare(
      `${REVIEW_SELECT} WHERE r.product_id = ? AND r.status = 'published' ORDER BY ${order} LIMIT ? OFFSET ?`,
    )
    .all(productId, limit, offset) as ReviewRow[];
  const total = db()
    .prepare(`SELECT COUNT(*) FROM reviews WHERE product_id = ? AND status = 'published'`)
    .pluck()
    .get(productId) as number;
  return { rows, total };
}

export function findReview(id: number): ReviewRow | undefined {
  return db().prepare(`${REVIEW_SELECT} WHERE r.id = ?`).get(id) as ReviewRow | undefined;
}

export function reviewsByUser(userId: number): ReviewRow[] {
  return db().prepare(`${REVIEW_SELECT} WHERE r.user_id = ? ORDER BY r.id DESC`).all(userId) as ReviewRow[];
}

export function pendingReviews(limit: number): ReviewRow[] {
  return db()
    .prepare(`${REVIEW_SELECT} WHERE r.status = 'pending' ORDER BY r.created_at, r.id LIMIT ?`)
    .all(limit) as ReviewRow[];
}

export function hasReviewed(productId: number, userId: number): boolean {
  return (
    db().prepare('SELECT 1 FROM reviews WHERE product_id = ? AND user_id = ?').get(productId, userId) !==
    undefined
  );
}

export function insertReview(r: {
  productId: number;
  userId: number;
  rating: number;
  title: string;
  body: string;
  createdAt: string;
}): number {
  return Number(
    db()
      .prepare(
        `INSERT INTO reviews (product_id, user_id, rating, title, body, status, created_at)
         VALUES (@productId, @userId, @rating, @title, @body, 'pending', @createdAt)`,
      )
      .run(r).lastInsertRowid,
  );
}

export function updateReview(id: number, changes: { rating?: number; title?: string; body?: string }): void {
  // Any edit sends the review back to moderation.
  db()
    .prepare(
      `UPDATE reviews SET rating = COALESCE(@rating, rating), title = COALESCE(@title, title),
              body = COALESCE(@body, body), status = 'pending'
        WHERE id = @id`,
    )
    .run({ id, rating: changes.rating ?? null, title: changes.title ?? null, body: changes.body ?? null });
}

export function setReviewStatus(id: number, status: ReviewRow['status']): void {
  db().prepare('UPDATE reviews SET status = ? WHERE id = ?').run(status, id);
}

export function deleteReview(id: number): void {
  db().prepare('DELETE FROM reviews WHERE id = ?').run(id);
}

export function upsertVote(reviewId: number, userId: number, helpful: boolean): void {
  db()
    .prepare(
      `INSERT INTO review_votes (review_id, user_id, helpful) VALUES (?, ?, ?)
       ON CONFLICT (review_id, user_id) DO UPDATE SET helpful = excluded.helpful`,
    )
    .run(reviewId, userId, helpful ? 1 : 0);
}

/**
 * Keeps the denormalised rating on products in step with published reviews.
 * Yes, this writes the catalog's table; see migration 004.
 */
export function refreshProductRating(productId: number): void {
  db()
    .prepare(
      `UPDATE products
          SET rating_avg = (SELECT AVG(rating) FROM reviews WHERE product_id = @productId AND status = 'published'),
              rating_count = (SELECT COUNT(*) FROM reviews WHERE product_id = @productId AND status = 'published')
        WHERE id = @productId`,
    )
    .run({ productId });
}
