/** Timestamps are ISO-8601 UTC strings everywhere in the schema. */
export function now(): string {
  return new Date().toISOString();
}

export function addHours(iso: string, hours: number): string {
  return new Date(Date.parse(iso) + hours * 3_600_000).toISOString();
}

export function isPast(iso: string | null | undefined, reference = now()): boolean {
  return iso != null && iso < reference;
}
