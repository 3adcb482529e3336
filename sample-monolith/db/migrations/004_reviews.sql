-- 2021-11: product reviews. The rating is denormalised onto products so listings stay one query.
CREATE TABLE reviews (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  product_id INTEGER NOT NULL REFERENCES products(id),
  user_id    INTEGER NOT NULL REFERENCES users(id),
  rating     INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  title      TEXT NOT NULL,
  body       TEXT NOT NULL DEFAULT '',
  status     TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'published', 'rejected')),
  created_at TEXT NOT NULL,
  UNIQUE (product_id, user_id)
);

CREATE TABLE review_votes (
  review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
  user_id   INTEGER NOT NULL REFERENCES users(id),
  helpful   INTEGER NOT NULL,
  PRIMARY KEY (review_id, user_id)
);

ALTER TABLE products ADD COLUMN rating_avg REAL;
ALTER TABLE products ADD COLUMN rating_count INTEGER NOT NULL DEFAULT 0;
