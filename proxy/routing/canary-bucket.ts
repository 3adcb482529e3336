/**
 * Sticky, monotonic canary assignment. A key (user id header, session cookie, client
 * address) hashes to a fixed bucket in 0..9999; a request goes to the service when
 * `bucket < percent * 100`. The bucket never depends on the percentage, so everyone inside
 * 5% is still inside at 10%, 25% and 50%, and a user never flips back and forth.
 * The bucket does not depend on the route either: one user is in or out of every canary
 * at the same percentage, which keeps a user's session on one side of the migration.
 */

export const BUCKETS = 10_000;

/** FNV-1a over the UTF-16 code units, then murmur3's finaliser to spread close keys. */
export function toBucket(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) % BUCKETS;
}

/** `percent` 0..100, two decimals of precision (0.01% is one bucket). */
export function isInCanary(bucket: number, percent: number): boolean {
  return bucket < Math.round(percent * 100);
}
