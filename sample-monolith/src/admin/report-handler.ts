import { ValidationError } from '@shop/shared/errors.ts';
import type { Request, RequestHandler } from 'express';

export interface ReportRange {
  from: string;
  to: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD`, `to` exclusive; defaults to the whole history. */
export function readRange(req: Request): ReportRange {
  const from = typeof req.query.from === 'string' ? req.query.from : '2000-01-01';
  const to = typeof req.query.to === 'string' ? req.query.to : '9999-12-31';
  const issues = [];
  if (!DATE.test(from)) issues.push({ field: 'from', message: 'must be a date like 2024-01-31' });
  if (!DATE.test(to)) issues.push({ field: 'to', message: 'must be a date like 2024-01-31' });
  if (issues.length === 0 && from >= to) issues.push({ field: 'to', message: 'must be after from' });
  if (issues.length) throw new ValidationError(issues);
  return { from, to };
}

export function readLimit(req: Request, fallback = 10, max = 100): number {
  const limit = Number(req.query.limit ?? fallback);
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw new ValidationError([{ field: 'limit', message: `must be between 1 and ${max}` }]);
  }
  return limit;
}

export type ReportRunner = (req: Request) => Record<string, unknown>;

/** Every report answers `{ report, generatedAt, ...data }`; the runners only compute the data. */
export function reportHandler(name: string, run: ReportRunner): RequestHandler {
  return (req, res) => {
    res.json({ report: name, generatedAt: new Date().toISOString(), ...run(req) });
  };
}
