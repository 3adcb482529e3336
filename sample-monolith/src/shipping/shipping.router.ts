import { requireAuth, requireStaff } from '@shop/shared/auth.ts';
import { config } from '@shop/shared/config.ts';
import { inTransaction } from '@shop/shared/db.ts';
import { BadRequestError, NotFoundError, ValidationError } from '@shop/shared/errors.ts';
import { toMoney } from '@shop/shared/money.ts';
import { pageOf, readPage } from '@shop/shared/pagination.js';
import { idParam, validator } from '@shop/shared/validate.ts';
import { Router } from 'express';
import { quoteShipping, SHIPPING_COUNTRIES } from './rates.js';
import {
  findShipment,
  findShipmentByTracking,
  listShipments,
  shipmentOwnerId,
} from './shipping.repository.ts';
import {
  getShipmentView,
  recordCarrierEvent,
  SHIPMENT_STATUSES,
  toShipmentView,
} from './shipping.service.ts';

export const shippingRouter = Router();

shippingRouter.get('/countries', (_req, res) => {
  res.json({ countries: SHIPPING_COUNTRIES });
});

shippingRouter.get('/rates', (req, res) => {
  const country = String(req.query.country ?? '').toUpperCase();
  const weightGrams = Number(req.query.weightGrams);
  const issues = [];
  if (!/^[A-Z]{2}$/.test(country))
    issues.push({ field: 'country', message: 'must be a 2-letter country code' });
  if (!Number.isInteger(weightGrams) || weightGrams <= 0) {
    issues.push({ field: 'weightGrams', message: 'must be a positive integer' });
  }
  if (issues.length) throw new ValidationError(issues);
  const quotes = (['standard', 'express'] as const).map((serviceLevel) =>
    quoteShipping({ country, weightGrams, serviceLevel }),
  );
  if (quotes.some((q) => q === null))
    throw new BadRequestError(`We do not ship to ${country}`, 'country_not_served');
  res.json({
    country,
    weightGrams,
    options: quotes.map((q) => ({
      serviceLevel: q!.serviceLevel,
      carrier: q!.carrier,
      price: toMoney(q!.costCents, config().currency),
    })),
  });
});

// Public tracking page; the tracking number is the secret.
shippingRouter.get('/track/:trackingNumber', (req, res) => {
  const shipment = findShipmentByTracking(req.params.trackingNumber);
  if (!shipment) throw new NotFoundError('Shipment', req.params.trackingNumber);
  const { orderId: _orderId, cost: _cost, ...publicView } = toShipmentView(shipment);
  res.json({ shipment: publicView });
});

shippingRouter.get('/shipments/:shipmentId', requireAuth, (req, res) => {
  const id = idParam(req.params.shipmentId, 'shipmentId');
  const owner = shipmentOwnerId(id);
  const isStaff = req.user!.role !== 'customer';
  if (owner === undefined || (owner !== req.user!.id && !isStaff)) throw new NotFoundError('Shipment', id);
  res.json({ shipment: getShipmentView(id) });
});

shippingRouter.get('/shipments', requireStaff, (req, res) => {
  const paging = readPage(req.query);
  const status = typeof req.query.status === 'string' ? req.query.status : undefined;
  const { rows, total } = listShipments(status, paging.pageSize, paging.offset);
  res.json(pageOf(rows.map(toShipmentView), paging, total));
});

shippingRouter.post('/shipments/:shipmentId/events', requireStaff, (req, res) => {
  const id = idParam(req.params.shipmentId, 'shipmentId');
  const v = validator(req.body);
  const status = v.string('status', { oneOf: SHIPMENT_STATUSES });
  const location = v.optionalString('location', { max: 120 }) ?? null;
  const description = v.string('description', { min: 3, max: 300 });
  v.done();
  const shipment = findShipment(id);
  if (!shipment) throw new NotFoundError('Shipment', id);
  inTransaction(() => recordCarrierEvent(shipment, { status, location, description }, shipmentOwnerId(id)!));
  res.status(201).json({ shipment: getShipmentView(id) });
});
