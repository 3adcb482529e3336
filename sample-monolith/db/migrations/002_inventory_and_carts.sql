-- 2020-09: stock moved out of products.stock into per-warehouse levels; server-side carts.
CREATE TABLE warehouses (
  id      INTEGER PRIMARY KEY AUTOINCREMENT,
  code    TEXT NOT NULL UNIQUE,
  name    TEXT NOT NULL,
  country TEXT NOT NULL
);

CREATE TABLE stock_levels (
  product_id   INTEGER NOT NULL REFERENCES products(id),
  warehouse_id INTEGER NOT NULL REFERENCES warehouses(id),
  on_hand      INTEGER NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
  reserved     INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0),
  PRIMARY KEY (product_id, warehouse_id)
);

CREATE TABLE stock_reservations (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  order_id     INTEGER NOT NULL REFERENCES orders(id),
  product_id   INTEGER NOT NULL REFERENCES products(id),
  warehouse_id INTEGER NOT NULL REFERENCES warehouses(id),
  quantity     INTEGER NOT NULL CHECK (quantity > 0),
  status       TEXT NOT NULL DEFAULT 'held' CHECK (status IN ('held', 'released', 'fulfilled')),
  created_at   TEXT NOT NULL
);
CREATE INDEX idx_reservations_order ON stock_reservations(order_id);

CREATE TABLE stock_movements (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  product_id   INTEGER NOT NULL REFERENCES products(id),
  warehouse_id INTEGER NOT NULL REFERENCES warehouses(id),
  delta        INTEGER NOT NULL,
  reason       TEXT NOT NULL,
  created_by   INTEGER REFERENCES users(id),
  created_at   TEXT NOT NULL
);

CREATE TABLE carts (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id     INTEGER NOT NULL UNIQUE REFERENCES users(id) ON DELETE CASCADE,
  coupon_code TEXT,
  updated_at  TEXT NOT NULL
);

CREATE TABLE cart_items (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  cart_id          INTEGER NOT NULL REFERENCES carts(id) ON DELETE CASCADE,
  product_id       INTEGER NOT NULL REFERENCES products(id),
  quantity         INTEGER NOT NULL CHECK (quantity > 0),
  unit_price_cents INTEGER NOT NULL,
  added_at         TEXT NOT NULL,
  UNIQUE (cart_id, product_id)
);

CREATE TABLE order_status_history (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  order_id   INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  status     TEXT NOT NULL,
  note       TEXT,
  created_at TEXT NOT NULL
);
