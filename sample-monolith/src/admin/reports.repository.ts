import { db } from '@shop/shared/db.ts';

// Reporting reads every area's tables directly. It started as a handful of SQL queries the
// finance team ran by hand, and was never moved behind the other areas' code.

const REVENUE_STATUSES = `('paid', 'shipped', 'delivered')`;

const SALES_BY_PERIOD = (format: string) => `
  SELECT strftime('${format}', o.created_at) AS period,
         COUNT(*)                             AS orders,
         SUM(o.total_cents)                   AS revenue_cents,
         SUM(o.discount_cents)                AS discount_cents,
         SUM(o.shipping_cents)                AS shipping_cents
    FROM orders o
   WHERE o.status IN ${REVENUE_STATUSES}
     AND o.created_at >= @from AND o.created_at < @to
   GROUP BY period
   ORDER BY period`;

export function salesByPeriod(from: string, to: string, groupBy: 'day' | 'month') {
  const format = groupBy === 'day' ? '%Y-%m-%d' : '%Y-%m';
  return db().prepare(SALES_BY_PERIOD(format)).all({ from, to }) as {
    period: string;
    orders: number;
    revenue_cents: number;
    discount_cents: number;
    shipping_cents: number;
  }[];
}

export function refundsTotal(from: string, to: string): number {
  return db()
    .prepare('SELECT COALESCE(SUM(amount_cents), 0) FROM refunds WHERE created_at >= ? AND created_at < ?')
    .pluck()
    .get(from, to) as number;
}

export function topProducts(limit: number) {
  return db()
    .prepare(
      `SELECT p.id AS productId, p.sku, p.name, SUM(oi.quantity) AS unitsSold,
              SUM(oi.quantity * oi.unit_price_cents) AS revenueCents, p.rating_avg AS rating
         FROM order_items oi
         JOIN orders o   ON o.id = oi.order_id
         JOIN products p ON p.id = oi.product_id
        WHERE o.status IN ${REVENUE_STATUSES}
        GROUP BY p.id
        ORDER BY unitsSold DESC, revenueCents DESC, p.id
        LIMIT ?`,
    )
    .all(limit);
}

export function inventoryValue() {
  return db()
    .prepare(
      `SELECT w.code AS warehouse, COUNT(DISTINCT sl.product_id) AS skus, SUM(sl.on_hand) AS units,
              SUM(sl.on_hand * p.price_cents) AS retailValueCents, SUM(sl.reserved) AS reservedUnits
         FROM stock_levels sl
         JOIN warehouses w ON w.id = sl.warehouse_id
         JOIN products p   ON p.id = sl.product_id
        GROUP BY w.id
        ORDER BY w.code`,
    )
    .all();
}

export function topCustomers(limit: number) {
  return db()
    .prepare(
      `SELECT u.id AS userId, u.name, u.email, COUNT(o.id) AS orders, SUM(o.total_cents) AS lifetimeValueCents,
              MAX(o.created_at) AS lastOrderAt
         FROM users u
         JOIN orders o ON o.user_id = u.id AND o.status IN ${REVENUE_STATUSES}
        GROUP BY u.id
        ORDER BY lifetimeValueCents DESC, u.id
        LIMIT ?`,
    )
    .all(limit);
}

export function ratingDistribution() {
  return db()
    .prepare(
      `SELECT rating, COUNT(*) AS reviews FROM reviews WHERE status = 'published' GROUP BY rating ORDER BY rating DESC`,
    )
    .all();
}

export function dashboardCounts() {
  return db()
    .prepare(
      `SELECT
         (SELECT COUNT(*) FROM users WHERE role = 'customer')                   AS customers,
         (SELECT COUNT(*) FROM products WHERE status = 'active')                AS activeProducts,
         (SELECT COUNT(*) FROM orders WHERE status = 'paid')                    AS ordersToShip,
         (SELECT COUNT(*) FROM shipments WHERE status IN ('in_transit', 'out_for_delivery')) AS parcelsInTransit,
         (SELECT COUNT(*) FROM reviews WHERE status = 'pending')                AS reviewsToModerate,
         (SELECT COUNT(*) FROM notifications WHERE status = 'queued')           AS queuedNotifications,
         (SELECT COUNT(*) FROM payments WHERE status = 'failed')                AS failedPayments,
         (SELECT COUNT(*) FROM (SELECT product_id FROM stock_levels GROUP BY product_id
                                 HAVING SUM(on_hand - reserved) <= 5))         AS lowStockProducts`,
    )
    .get() as Record<string, number>;
}
