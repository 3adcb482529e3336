import { db } from '@shop/shared/db.ts';

export interface AddressRow {
  id: number;
  user_id: number;
  label: string;
  recipient: string;
  line1: string;
  line2: string | null;
  city: string;
  postal_code: string;
  country: string;
  is_default: number;
}

export type AddressInput = Omit<AddressRow, 'id' | 'user_id' | 'is_default'> & { isDefault: boolean };

export function listAddresses(userId: number): AddressRow[] {
  return db()
    .prepare('SELECT * FROM addresses WHERE user_id = ? ORDER BY is_default DESC, id')
    .all(userId) as AddressRow[];
}

export function findAddress(userId: number, addressId: number): AddressRow | undefined {
  return db().prepare('SELECT * FROM addresses WHERE id = ? AND user_id = ?').get(addressId, userId) as
    | AddressRow
    | undefined;
}

export function findDefaultAddress(userId: number): AddressRow | undefined {
  return db().prepare('SELECT * FROM addresses WHERE user_id = ? AND is_default = 1').get(userId) as
    | AddressRow
    | undefined;
}

function clearDefault(userId: number): void {
  db().prepare('UPDATE addresses SET is_default = 0 WHERE user_id = ?').run(userId);
}

export function insertAddress(userId: number, input: AddressInput): number {
  return db().transaction(() => {
    if (input.isDefault) clearDefault(userId);
    const result = db()
      .prepare(
        `INSERT INTO addresses (user_id, label, recipient, line1, line2, city, postal_code, country, is_default)
         VALUES (@userId, @label, @recipient, @line1, @line2, @city, @postal_code, @country, @isDefault)`,
      )
      .run({ ...input, userId, isDefault: input.isDefault ? 1 : 0 });
    return Number(result.lastInsertRowid);
  })();
}

export function updateAddress(userId: number, addressId: number, input: Partial<AddressInput>): void {
  db().transaction(() => {
    if (input.isDefault) clearDefault(userId);
    db()
      .prepare(
        `UPDATE addresses SET
           label = COALESCE(@label, label), recipient = COALESCE(@recipient, recipient),
           line1 = COALESCE(@line1, line1), line2 = COALESCE(@line2, line2), city = COALESCE(@city, city),
           postal_code = COALESCE(@postal_code, postal_code), country = COALESCE(@country, country),
           is_default = COALESCE(@isDefault, is_default)
         WHERE id = @addressId AND user_id = @userId`,
      )
      .run({
        label: input.label ?? null,
        recipient: input.recipient ?? null,
        line1: input.line1 ?? null,
        line2: input.line2 ?? null,
        city: input.city ?? null,
        postal_code: input.postal_code ?? null,
        country: input.country ?? null,
        isDefault: input.isDefault === undefined ? null : input.isDefault ? 1 : 0,
        addressId,
        userId,
      });
  })();
}

export function deleteAddress(userId: number, addressId: number): boolean {
  return (
    db().prepare('DELETE FROM addresses WHERE id = ? AND user_id = ?').run(addressId, userId).changes > 0
  );
}
