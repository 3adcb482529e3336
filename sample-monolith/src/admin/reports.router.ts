import { config } from '@shop/shared/config.ts';
import { NotFoundError } from '@shop/shared/errors.ts';
import { toMoney } from '@shop/shared/money.ts';
import { Router } from 'express';
import { type ReportRunner, readLimit, readRange, reportHandler } from './report-handler.ts';
import {
  inventoryValue,
  ratingDistribution,
  refundsTotal,
  salesByPeriod,
  topCustomers,
  topProducts,
} from './reports.repository.ts';

export const reportsRouter = Router();

const RUNNERS: Record<string, ReportRunner> = {
  sales: (req) => {
    const range = readRange(req);
    const groupBy = req.query.groupBy === 'day' ? 'day' : 'month';
    const rows = salesByPeriod(range.from, range.to, groupBy);
    const revenue = rows.reduce((sum, r) => sum + r.revenue_cents, 0);
    const refunds = refundsTotal(range.from, range.to);
    return {
      range,
      groupBy,
      rows: rows.map((r) => ({
        period: r.period,
        orders: r.orders,
        revenueCents: r.revenue_cents,
        discountCents: r.discount_cents,
        shippingCents: r.shipping_cents,
      })),
      totals: {
        revenue: toMoney(revenue, config().currency),
        refunds: toMoney(refunds, config().currency),
        net: toMoney(revenue - refunds, config().currency),
      },
    };
  },
  'top-products': (req) => ({ rows: topProducts(readLimit(req)) }),
  'inventory-value': () => ({ rows: inventoryValue() }),
  customers: (req) => ({ rows: topCustomers(readLimit(req)) }),
  ratings: () => ({ rows: ratingDistribution() }),
};

for (const [name, run] of Object.entries(RUNNERS)) {
  reportsRouter.get(`/${name}`, reportHandler(name, run));
}

reportsRouter.get('/:name/export', async (req, res) => {
  const run = RUNNERS[req.params.name];
  if (!run) throw new NotFoundError('Report', req.params.name);
  const { toCsv } = await import('./csv-export.ts');
  const rows = (run(req).rows ?? []) as Record<string, unknown>[];
  res.type('text/csv').attachment(`${req.params.name}.csv`).send(toCsv(rows));
});
