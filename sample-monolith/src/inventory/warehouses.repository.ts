import { db } from '@shop/shared/db.ts';

export interface WarehouseRow {
  id: number;
  code: string;
  name: string;
  country: string;
}

export function listWarehouses(): (WarehouseRow & { sku_count: number; units_on_hand: number })[] {
  return db()
    .prepare(
      `SELECT w.id, w.code, w.name, w.country,
              COUNT(sl.product_id) AS sku_count, COALESCE(SUM(sl.on_hand), 0) AS units_on_hand
         FROM warehouses w LEFT JOIN stock_levels sl ON sl.warehouse_id = w.id
        GROUP BY w.id ORDER BY w.id`,
    )
    .all() as (WarehouseRow & { sku_count: number; units_on_hand: number })[];
}

export function findWarehouse(idOrCode: number | string): WarehouseRow | undefined {
  const column = typeof idOrCode === 'number' ? 'id' : 'code';
  return db().prepare(`SELECT * FROM warehouses WHERE ${column} = ?`).get(idOrCode) as
    | WarehouseRow
    | undefined;
}
