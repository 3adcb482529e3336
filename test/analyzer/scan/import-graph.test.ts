import { describe, expect, it } from 'vitest';
import { describeEdges, readFixture } from './read-fixture.ts';

describe('the import graph', () => {
  it('resolves tsconfig paths inherited through extends, without baseUrl', async () => {
    const facts = await readFixture('aliases-extends');
    expect(describeEdges(facts.imports)).toEqual([
      'src/orders/place-order.ts -> src/billing/invoices.ts import [createInvoice]',
      'src/orders/place-order.ts -> src/orders/totals.ts import [orderTotal]',
      'src/orders/place-order.ts -> src/shared/index.ts import [formatCents]',
    ]);
    expect(facts.warnings).toEqual([]);
  });

  it('with the opt-in cross-check, names the aliased imports madge resolves differently', async () => {
    const facts = await readFixture('aliases-extends', { crossCheck: true });
    expect(facts.warnings).toEqual([
      {
        code: 'RESOLUTION_DIFFERS',
        file: 'src/orders/place-order.ts',
        message: 'madge misses the import of src/billing/invoices.ts',
      },
      {
        code: 'RESOLUTION_DIFFERS',
        file: 'src/orders/place-order.ts',
        message: 'madge misses the import of src/shared/index.ts',
      },
    ]);
  });

  it('attributes imports through a barrel to the files that define the symbols', async () => {
    const facts = await readFixture('barrels');
    expect(describeEdges(facts.imports)).toEqual([
      'src/catalog/index.ts -> src/catalog/pricing.ts reexport [priceOf]',
      'src/catalog/index.ts -> src/catalog/product.types.ts type [Product]',
      'src/catalog/index.ts -> src/catalog/products.ts reexport [*]',
      'src/catalog/products.ts -> src/catalog/product.types.ts type [Product]',
      // `import * as catalog` + `catalog.PRODUCT_LIMIT`: the member used, looked up through the barrel.
      'src/orders/catalog-summary.ts -> src/catalog/products.ts import [PRODUCT_LIMIT] via src/catalog/index.ts',
      'src/orders/checkout.ts -> src/catalog/pricing.ts import [getPrice] via src/catalog/index.ts',
      'src/orders/checkout.ts -> src/catalog/product.types.ts type [Product] via src/catalog/index.ts',
      'src/orders/checkout.ts -> src/catalog/products.ts import [findProduct] via src/catalog/index.ts',
    ]);
  });

  it('reads require, module.exports and ESM across .js, .cjs, .mjs, .ts and .tsx', async () => {
    const facts = await readFixture('module-mix');
    expect(describeEdges(facts.imports)).toEqual([
      'src/admin.tsx -> src/users.js import [createUser]',
      'src/index.js -> lib/crypto.cjs require [hashPassword]',
      'src/index.js -> src/mailer.mjs require [sendMail]',
      'src/index.js -> src/users.js require [createUser]',
      'src/mailer.mjs -> src/templates.ts import [renderTemplate]',
    ]);
    expect(facts.files.find((f) => f.id === 'src/users.js')?.exports).toEqual(['createUser']);
    expect(facts.files.find((f) => f.id === 'src/index.js')?.exports).toEqual(['default']);
  });

  it('tells type-only imports (marked or not) and dynamic imports from value imports', async () => {
    const facts = await readFixture('type-and-dynamic');
    expect(describeEdges(facts.imports)).toEqual([
      'src/orders.service.ts -> src/invoice-pdf.ts dynamic [*]',
      'src/orders.service.ts -> src/money.ts import [formatMoney]',
      'src/orders.service.ts -> src/money.ts type [Money]',
      // `import { OrderStatus }` without `type`: still only a type, so no runtime coupling.
      'src/orders.service.ts -> src/order.types.ts type [OrderStatus]',
      'src/orders.service.ts -> src/order.types.ts type [Order]',
    ]);
  });

  it('finds runtime cycles and ignores cycles made only of type imports', async () => {
    const facts = await readFixture('cycle');
    expect(facts.cycles).toEqual([['src/notifications.ts', 'src/orders.ts', 'src/payments.ts']]);
  });

  it('warns with file and line about relative and aliased imports it cannot resolve, not packages', async () => {
    const facts = await readFixture('unresolvable');
    expect(facts.warnings).toEqual([
      { code: 'UNRESOLVED_IMPORT', file: 'src/cart.ts', line: 2, message: "Cannot resolve './coupons.ts'" },
      { code: 'UNRESOLVED_IMPORT', file: 'src/cart.ts', line: 3, message: "Cannot resolve '@shop/tax.ts'" },
    ]);
    expect(describeEdges(facts.imports)).toEqual(['src/cart.ts -> src/pricing.ts import [priceOf]']);
  });

  it('reports a file that does not parse and keeps reading the rest', async () => {
    const facts = await readFixture('syntax-error');
    expect(facts.warnings.map(({ message: _m, ...w }) => w)).toEqual([
      { code: 'PARSE_ERROR', file: 'src/broken.ts', line: 5 },
    ]);
    expect(describeEdges(facts.imports)).toEqual(['src/checkout.ts -> src/broken.ts import [total]']);
    expect(facts.files.map((f) => f.id)).toEqual(['src/broken.ts', 'src/checkout.ts']);
  });

  it('reports progress once per file, ending at the total', async () => {
    const seen: Array<[number, number]> = [];
    await readFixture('cycle', { onProgress: (done, total) => seen.push([done, total]) });
    expect(seen).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
  });
});
