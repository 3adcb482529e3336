import { now } from '@shop/shared/clock.ts';
import { ConflictError, NotFoundError } from '@shop/shared/errors.ts';
import {
  addReserved,
  adjustOnHand,
  availableQuantity,
  closeReservation,
  heldReservationsForOrder,
  insertMovement,
  insertReservation,
  stockLevelsForProduct,
} from './inventory.repository.ts';
import { findWarehouse } from './warehouses.repository.ts';

export class OutOfStockError extends ConflictError {
  constructor(shortages: { productId: number; requested: number; available: number }[]) {
    super('Not enough stock for some items', 'out_of_stock', shortages);
  }
}

export interface StockRequest {
  productId: number;
  quantity: number;
}

/**
 * Holds stock for an order, filling each line from the fullest warehouse first.
 * Must run inside the caller's transaction: a failure later in checkout rolls the holds back.
 */
export function reserveStock(orderId: number, lines: StockRequest[]): void {
  const shortages = lines
    .map((line) => ({ ...line, available: availableQuantity(line.productId) }))
    .filter((line) => line.available < line.quantity)
    .map((line) => ({ productId: line.productId, requested: line.quantity, available: line.available }));
  if (shortages.length > 0) throw new OutOfStockError(shortages);

  const createdAt = now();
  for (const line of lines) {
    let remaining = line.quantity;
    for (const level of stockLevelsForProduct(line.productId)) {
      const take = Math.min(remaining, level.on_hand - level.reserved);
      if (take <= 0) continue;
      addReserved(line.productId, level.warehouse_id, take);
      insertReservation({
        orderId,
        productId: line.productId,
        warehouseId: level.warehouse_id,
        quantity: take,
        createdAt,
      });
      remaining -= take;
      if (remaining === 0) break;
    }
  }
}

export function releaseStock(orderId: number): number {
  const held = heldReservationsForOrder(orderId);
  for (const reservation of held) closeReservation(reservation, 'released');
  return held.length;
}

export function fulfilStock(orderId: number): number {
  const held = heldReservationsForOrder(orderId);
  for (const reservation of held) closeReservation(reservation, 'fulfilled');
  return held.length;
}

export function isAvailable(productId: number, quantity: number): boolean {
  return availableQuantity(productId) >= quantity;
}

export function adjustStock(input: {
  productId: number;
  warehouseCode: string;
  delta: number;
  reason: string;
  userId: number;
}): { movementId: number; onHand: number } {
  const warehouse = findWarehouse(input.warehouseCode);
  if (!warehouse) throw new NotFoundError('Warehouse', input.warehouseCode);
  const level = stockLevelsForProduct(input.productId).find((l) => l.warehouse_id === warehouse.id);
  const onHand = (level?.on_hand ?? 0) + input.delta;
  if (onHand < (level?.reserved ?? 0)) {
    throw new ConflictError('Adjustment would leave less stock than is reserved', 'stock_below_reserved');
  }
  adjustOnHand(input.productId, warehouse.id, input.delta);
  const movementId = insertMovement({
    productId: input.productId,
    warehouseId: warehouse.id,
    delta: input.delta,
    reason: input.reason,
    createdBy: input.userId,
    createdAt: now(),
  });
  return { movementId, onHand };
}
