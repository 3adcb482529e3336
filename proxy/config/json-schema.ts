import { z } from 'zod';
import { proxyConfigSchema } from './schema.ts';

/** The configuration's JSON Schema, generated from the zod schema so the two never drift. */
export function getConfigJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(proxyConfigSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'strangler proxy configuration',
  };
}
