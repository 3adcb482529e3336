import { type FieldIssue, ValidationError } from './errors.ts';

interface StringRule {
  min?: number;
  max?: number;
  pattern?: RegExp;
  oneOf?: readonly string[];
}

interface IntRule {
  min?: number;
  max?: number;
}

/**
 * Collects every problem in a request body before failing, so clients can fix them all at once.
 * Usage: const v = validator(req.body); const email = v.string('email'); v.done();
 */
export function validator(input: unknown, options: { prefix?: string } = {}) {
  const source: Record<string, unknown> =
    input && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  const prefix = options.prefix ?? '';
  const found: FieldIssue[] = [];
  const issues = {
    push(issue: FieldIssue) {
      found.push({ field: `${prefix}${issue.field}`, message: issue.message });
    },
  };
  if (input !== undefined && source !== input) {
    issues.push({ field: prefix ? '' : '(body)', message: 'must be a JSON object' });
  }

  function checkString(field: string, value: unknown, rule: StringRule): string | undefined {
    if (typeof value !== 'string') {
      issues.push({ field, message: 'must be a string' });
      return undefined;
    }
    const trimmed = value.trim();
    if (rule.min !== undefined && trimmed.length < rule.min)
      issues.push({ field, message: `must be at least ${rule.min} characters` });
    else if (rule.max !== undefined && trimmed.length > rule.max)
      issues.push({ field, message: `must be at most ${rule.max} characters` });
    else if (rule.pattern && !rule.pattern.test(trimmed))
      issues.push({ field, message: 'has an invalid format' });
    else if (rule.oneOf && !rule.oneOf.includes(trimmed))
      issues.push({ field, message: `must be one of ${rule.oneOf.join(', ')}` });
    return trimmed;
  }

  function checkInt(field: string, value: unknown, rule: IntRule): number | undefined {
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      issues.push({ field, message: 'must be an integer' });
      return undefined;
    }
    if (rule.min !== undefined && value < rule.min) issues.push({ field, message: `must be >= ${rule.min}` });
    if (rule.max !== undefined && value > rule.max) issues.push({ field, message: `must be <= ${rule.max}` });
    return value;
  }

  return {
    string(field: string, rule: StringRule = {}): string {
      if (source[field] === undefined || source[field] === null) {
        issues.push({ field, message: 'is required' });
        return '';
      }
      return checkString(field, source[field], rule) ?? '';
    },
    optionalString(field: string, rule: StringRule = {}): string | undefined {
      if (source[field] === undefined || source[field] === null) return undefined;
      return checkString(field, source[field], rule);
    },
    int(field: string, rule: IntRule = {}): number {
      if (source[field] === undefined || source[field] === null) {
        issues.push({ field, message: 'is required' });
        return 0;
      }
      return checkInt(field, source[field], rule) ?? 0;
    },
    optionalInt(field: string, rule: IntRule = {}): number | undefined {
      if (source[field] === undefined || source[field] === null) return undefined;
      return checkInt(field, source[field], rule);
    },
    optionalBoolean(field: string): boolean | undefined {
      const value = source[field];
      if (value === undefined || value === null) return undefined;
      if (typeof value !== 'boolean') {
        issues.push({ field, message: 'must be true or false' });
        return undefined;
      }
      return value;
    },
    /** Throws a ValidationError listing every issue found so far. */
    done(): void {
      if (found.length > 0) throw new ValidationError(found);
    },
  };
}

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Parses a positive integer route parameter such as `:orderId`. */
export function idParam(value: string | string[] | undefined, field = 'id'): number {
  const raw = Array.isArray(value) ? value[0] : value;
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0)
    throw new ValidationError([{ field, message: 'must be a positive integer' }]);
  return id;
}
