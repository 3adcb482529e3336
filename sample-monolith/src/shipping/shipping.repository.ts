import { db } from '@shop/shared/db.ts';

export interface ShipmentRow {
  id: number;
  order_id: number;
  carrier: string;
  service_level: string;
  tracking_number: string;
  status: string;
  country: string;
  cost_cents: number;
  created_at: string;
}

export interface ShipmentEventRow {
  id: number;
  shipment_id: number;
  status: string;
  location: string | null;
  description: string;
  occurred_at: string;
}

export function insertShipment(s: Omit<ShipmentRow, 'id' | 'status'>): number {
  return Number(
    db()
      .prepare(
        `INSERT INTO shipments (order_id, carrier, service_level, tracking_number, status, country, cost_cents, created_at)
         VALUES (@order_id, @carrier, @service_level, @tracking_number, 'label_pending', @country, @cost_cents, @created_at)`,
      )
      .run(s).lastInsertRowid,
  );
}

export function findShipment(id: number): ShipmentRow | undefined {
  return db().prepare('SELECT * FROM shipments WHERE id = ?').get(id) as ShipmentRow | undefined;
}

export function findShipmentByTracking(trackingNumber: string): ShipmentRow | undefined {
  return db().prepare('SELECT * FROM shipments WHERE tracking_number = ?').get(trackingNumber) as
    | ShipmentRow
    | undefined;
}

export function findShipmentForOrder(orderId: number): ShipmentRow | undefined {
  return db().prepare('SELECT * FROM shipments WHERE order_id = ?').get(orderId) as ShipmentRow | undefined;
}

/** Who may see a shipment: the customer who placed the order. Reads orders directly. */
export function shipmentOwnerId(shipmentId: number): number | undefined {
  return db()
    .prepare('SELECT o.user_id FROM shipments s JOIN orders o ON o.id = s.order_id WHERE s.id = ?')
    .pluck()
    .get(shipmentId) as number | undefined;
}

export function listShipments(status: string | undefined, limit: number, offset: number) {
  const where = status ? 'WHERE status = @status' : '';
  const rows = db()
    .prepare(`SELECT * FROM shipments ${where} ORDER BY id DESC LIMIT @limit OFFSET @offset`)
    .all({ status, limit, offset }) as ShipmentRow[];
  const total = db().prepare(`SELECT COUNT(*) FROM shipments ${where}`).pluck().get({ status }) as number;
  return { rows, total };
}

export function eventsFor(shipmentId: number): ShipmentEventRow[] {
  return db()
    .prepare('SELECT * FROM shipment_events WHERE shipment_id = ? ORDER BY occurred_at, id')
    .all(shipmentId) as ShipmentEventRow[];
}

export function insertEvent(e: Omit<ShipmentEventRow, 'id'>): number {
  const id = Number(
    db()
      .prepare(
        `INSERT INTO shipment_events (shipment_id, status, location, description, occurred_at)
         VALUES (@shipment_id, @status, @location, @description, @occurred_at)`,
      )
      .run(e).lastInsertRowid,
  );
  db().prepare('UPDATE shipments SET status = ? WHERE id = ?').run(e.status, e.shipment_id);
  return id;
}

export function cancelShipmentForOrder(orderId: number, at: string): boolean {
  const shipment = findShipmentForOrder(orderId);
  if (shipment?.status !== 'label_pending') return false;
  insertEvent({
    shipment_id: shipment.id,
    status: 'cancelled',
    location: null,
    description: 'Order cancelled',
    occurred_at: at,
  });
  return true;
}
