import { describe, expect, it } from 'vitest';
import { composeFacts } from '../../../analyzer/facts/compose-facts.ts';
import { emptyFileScan, type FileScan } from '../../../analyzer/scan/file-scan.ts';

/** The facts stage is pure: hand-written scan records in, project facts out, no file read. */
function scanOf(id: string, parts: Partial<FileScan>): FileScan {
  return { ...emptyFileScan(id), loc: 10, ...parts };
}

const server = scanOf('src/server.ts', {
  imports: [
    {
      specifier: './billing/routes.ts',
      target: 'src/billing/routes.ts',
      kind: 'import',
      symbols: ['billingRouter'],
      line: 1,
    },
  ],
  bindings: { billingRouter: { target: 'src/billing/routes.ts', name: 'billingRouter' } },
  routers: [{ key: 'app', framework: 'express', isApp: true, prefix: '', line: 3 }],
  mounts: [
    {
      parent: { key: 'app' },
      prefix: '/billing',
      child: { ref: { target: 'src/billing/routes.ts', name: 'billingRouter' } },
      line: 4,
    },
  ],
});
const routes = scanOf('src/billing/routes.ts', {
  exports: [{ name: 'billingRouter', local: 'billingRouter' }],
  declarations: { billingRouter: { line: 3, endLine: 3, kind: 'variable' } },
  bindings: { closeInvoice: { target: 'src/billing/invoices.ts', name: 'closeInvoice' } },
  routers: [{ key: 'billingRouter', framework: 'express', isApp: false, prefix: '', line: 3 }],
  routes: [
    {
      router: { key: 'billingRouter' },
      methods: ['POST'],
      path: '/invoices/:id/close',
      handler: { kind: 'symbol', ref: { target: 'src/billing/invoices.ts', name: 'closeInvoice' }, line: 5 },
      line: 5,
      framework: 'express',
    },
  ],
});
const invoices = scanOf('src/billing/invoices.ts', {
  exports: [{ name: 'closeInvoice', local: 'closeInvoice' }],
  declarations: { closeInvoice: { line: 8, endLine: 20, kind: 'function' } },
  sql: [{ sql: 'UPDATE invoices SET closed = 1 WHERE id = ?', line: 11, fn: 'closeInvoice', partial: false }],
  calls: [{ ref: { target: 'src/ledger/entries.ts', name: 'postEntry' }, line: 12, fn: 'closeInvoice' }],
  transactions: [{ line: 10, startLine: 10, endLine: 14, fn: 'closeInvoice' }],
});
const ledger = scanOf('src/ledger/entries.ts', {
  exports: [{ name: 'postEntry', local: 'postEntry' }],
  declarations: { postEntry: { line: 2, endLine: 5, kind: 'function' } },
  sql: [{ sql: 'INSERT INTO ledger_entries (amount) VALUES (?)', line: 3, fn: 'postEntry', partial: false }],
});

describe('composeFacts', () => {
  const facts = composeFacts('/shop', [server, routes, invoices, ledger]);

  it('composes the mount prefix and gives the endpoint to the handler module', () => {
    expect(facts.endpoints).toEqual([
      {
        id: 'POST /billing/invoices/:id/close',
        method: 'POST',
        path: '/billing/invoices/:id/close',
        file: 'src/billing/invoices.ts',
        line: 8,
        framework: 'express',
      },
    ]);
  });

  it('follows the transaction into the ledger module', () => {
    expect(facts.transactions).toEqual([
      {
        file: 'src/billing/invoices.ts',
        line: 10,
        tables: ['invoices', 'ledger_entries'],
        modules: ['src/billing/invoices.ts', 'src/ledger/entries.ts'],
      },
    ]);
  });

  it('lists files with their exports and no warnings', () => {
    expect(facts.files.map((f) => `${f.id} [${f.exports.join(',')}]`)).toEqual([
      'src/server.ts []',
      'src/billing/routes.ts [billingRouter]',
      'src/billing/invoices.ts [closeInvoice]',
      'src/ledger/entries.ts [postEntry]',
    ]);
    expect(facts.warnings).toEqual([]);
  });
});
