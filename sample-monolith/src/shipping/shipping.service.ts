import { randomBytes } from 'node:crypto';
import { queueNotification } from '@shop/notifications/notifications.service.ts';
import type { PlacedOrder } from '@shop/orders/orders.types.ts';
import { now } from '@shop/shared/clock.ts';
import { config } from '@shop/shared/config.ts';
import { BadRequestError, ConflictError } from '@shop/shared/errors.ts';
import { toMoney } from '@shop/shared/money.ts';
import { quoteShipping } from './rates.js';
import {
  eventsFor,
  findShipment,
  insertEvent,
  insertShipment,
  type ShipmentEventRow,
  type ShipmentRow,
} from './shipping.repository.ts';

export const SHIPMENT_STATUSES = [
  'label_pending',
  'label_created',
  'in_transit',
  'out_for_delivery',
  'delivered',
  'returned',
  'cancelled',
];

/** Shipping cost for a basket; free above the configured threshold for standard delivery. */
export function shippingCostCents(country: string, weightGrams: number, subtotalCents: number): number {
  const quote = quoteShipping({ country, weightGrams });
  if (!quote) throw new BadRequestError(`We do not ship to ${country}`, 'country_not_served');
  return subtotalCents >= config().freeShippingThresholdCents ? 0 : quote.costCents;
}

function trackingNumber(): string {
  return `FG${randomBytes(5).toString('hex').toUpperCase()}`;
}

/** Books the parcel for a new order. Runs inside the checkout transaction. */
export function createShipmentForOrder(order: PlacedOrder): number {
  const quote = quoteShipping({ country: order.shipTo.country, weightGrams: order.weightGrams });
  if (!quote) throw new BadRequestError(`We do not ship to ${order.shipTo.country}`, 'country_not_served');
  return insertShipment({
    order_id: order.id,
    carrier: quote.carrier,
    service_level: quote.serviceLevel,
    tracking_number: trackingNumber(),
    country: order.shipTo.country,
    cost_cents: order.shippingCents,
    created_at: now(),
  });
}

export function recordCarrierEvent(
  shipment: ShipmentRow,
  event: { status: string; location: string | null; description: string; occurredAt?: string },
  customerId: number,
): number {
  if (shipment.status === 'delivered' || shipment.status === 'cancelled') {
    throw new ConflictError(`Shipment is already ${shipment.status}`, 'shipment_closed');
  }
  const id = insertEvent({
    shipment_id: shipment.id,
    status: event.status,
    location: event.location,
    description: event.description,
    occurred_at: event.occurredAt ?? now(),
  });
  queueNotification({
    userId: customerId,
    template: 'shipment_update',
    payload: {
      status: event.status,
      trackingNumber: shipment.tracking_number,
      description: event.description,
    },
  });
  return id;
}

function toEventView(e: ShipmentEventRow) {
  return { status: e.status, location: e.location, description: e.description, occurredAt: e.occurred_at };
}

export function toShipmentView(row: ShipmentRow) {
  return {
    id: row.id,
    orderId: row.order_id,
    carrier: row.carrier,
    serviceLevel: row.service_level,
    trackingNumber: row.tracking_number,
    status: row.status,
    country: row.country,
    cost: toMoney(row.cost_cents, config().currency),
    createdAt: row.created_at,
    events: eventsFor(row.id).map(toEventView),
  };
}

export function getShipmentView(id: number) {
  const row = findShipment(id);
  return row ? toShipmentView(row) : undefined;
}
