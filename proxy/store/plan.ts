/**
 * `routes.plan.json`, written by the analyzer's reports and imported with
 * `strangler routes import`. Validated here so a hand-edited plan fails with a path.
 */
import { z } from 'zod';
import { StranglerError } from '../../errors/index.ts';
import { formatPath } from '../config/load.ts';
import { ROUTE_MODES } from '../model.ts';
import { PROXY_STORE_ERRORS } from './errors.ts';

export const routePlanSchema = z.object({
  version: z.literal(1, { error: 'must be 1' }),
  // The analyzer writes `url: null`: it proposes services before anyone has deployed them.
  services: z
    .array(
      z.object({
        name: z.string().min(1),
        url: z
          .url({ protocol: /^https?$/ })
          .nullable()
          .default(null),
      }),
    )
    .default([]),
  routes: z
    .array(
      z.object({
        method: z.string().default('*'),
        path: z.string().startsWith('/', { error: 'must start with `/`' }),
        service: z.string().min(1).nullable().default(null),
        mode: z.enum(ROUTE_MODES).default('monolith'),
        percent: z
          .number()
          .min(0, { error: 'must be 0-100' })
          .max(100, { error: 'must be 0-100' })
          .default(0),
      }),
    )
    .default([]),
});

export type RoutePlan = z.output<typeof routePlanSchema>;

export function parseRoutePlan(input: unknown, source = 'routes.plan.json'): RoutePlan {
  const result = routePlanSchema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `${formatPath(i.path)}: ${i.message} (${source})`);
  throw new StranglerError(
    PROXY_STORE_ERRORS.PROXY_STORE_INVALID_PLAN,
    `Invalid route plan:\n  ${lines.join('\n  ')}`,
    {
      details: { source },
    },
  );
}
