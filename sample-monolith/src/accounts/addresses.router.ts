import { currentUser } from '@shop/shared/auth.ts';
import { NotFoundError } from '@shop/shared/errors.ts';
import { idParam, validator } from '@shop/shared/validate.ts';
import { Router } from 'express';
import {
  type AddressRow,
  deleteAddress,
  findAddress,
  insertAddress,
  listAddresses,
  updateAddress,
} from './addresses.repository.ts';

export const addressesRouter = Router();

const COUNTRY = /^[A-Z]{2}$/;

function toAddress(row: AddressRow) {
  return {
    id: row.id,
    label: row.label,
    recipient: row.recipient,
    line1: row.line1,
    line2: row.line2,
    city: row.city,
    postalCode: row.postal_code,
    country: row.country,
    isDefault: row.is_default === 1,
  };
}

function readAddress(body: unknown, partial: boolean) {
  const v = validator(body);
  const pick = partial ? v.optionalString : v.string;
  const input = {
    label: v.optionalString('label', { max: 40 }) ?? (partial ? undefined : 'home'),
    recipient: pick('recipient', { min: 1, max: 120 }),
    line1: pick('line1', { min: 1, max: 200 }),
    line2: v.optionalString('line2', { max: 200 }) ?? null,
    city: pick('city', { min: 1, max: 100 }),
    postal_code: pick('postalCode', { min: 2, max: 20 }),
    country: pick('country', { pattern: COUNTRY }),
    isDefault: v.optionalBoolean('isDefault'),
  };
  v.done();
  return input;
}

addressesRouter.get('/', (req, res) => {
  res.json({ items: listAddresses(currentUser(req).id).map(toAddress) });
});

addressesRouter.post('/', (req, res) => {
  const user = currentUser(req);
  const input = readAddress(req.body, false);
  const id = insertAddress(user.id, {
    ...input,
    label: input.label ?? 'home',
    recipient: input.recipient!,
    line1: input.line1!,
    city: input.city!,
    postal_code: input.postal_code!,
    country: input.country!,
    isDefault: input.isDefault ?? false,
  });
  res.status(201).json({ address: toAddress(findAddress(user.id, id)!) });
});

addressesRouter.patch('/:addressId', (req, res) => {
  const user = currentUser(req);
  const addressId = idParam(req.params.addressId, 'addressId');
  if (!findAddress(user.id, addressId)) throw new NotFoundError('Address', addressId);
  const input = readAddress(req.body, true);
  updateAddress(user.id, addressId, { ...input, line2: input.line2 ?? undefined });
  res.json({ address: toAddress(findAddress(user.id, addressId)!) });
});

addressesRouter.delete('/:addressId', (req, res) => {
  const addressId = idParam(req.params.addressId, 'addressId');
  if (!deleteAddress(currentUser(req).id, addressId)) throw new NotFoundError('Address', addressId);
  res.status(204).end();
});
