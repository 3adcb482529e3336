-- Tables this service owns, copied from the monolith by strangler extract.

CREATE TABLE IF NOT EXISTS categories (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  slug      TEXT NOT NULL UNIQUE,
  name      TEXT NOT NULL,
  parent_id INTEGER REFERENCES categories(id)
);

-- references to reviews, users removed: another service owns them
CREATE TABLE IF NOT EXISTS review_votes (
  review_id INTEGER NOT NULL,
  user_id   INTEGER NOT NULL,
  helpful   INTEGER NOT NULL,
  PRIMARY KEY (review_id, user_id)
);
