/**
 * Per-route counts over the last N seconds, in one-second buckets: adding is O(1) and old
 * buckets fall out as time moves. Time is passed in, so the decision stays testable.
 */

export interface WindowCounts {
  requests: number;
  errors: number;
  comparisons: number;
  mismatches: number;
}

interface Bucket extends WindowCounts {
  second: number;
}

export interface SlidingWindow {
  add(nowMs: number, counts: Partial<WindowCounts>): void;
  totals(nowMs: number): WindowCounts;
  clear(): void;
}

export function createSlidingWindow(windowSeconds: number): SlidingWindow {
  const size = Math.max(1, Math.ceil(windowSeconds));
  const buckets: Bucket[] = [];
  const bucketFor = (second: number): Bucket => {
    const slot = second % size;
    let bucket = buckets[slot];
    if (!bucket || bucket.second !== second) {
      bucket = { second, requests: 0, errors: 0, comparisons: 0, mismatches: 0 };
      buckets[slot] = bucket;
    }
    return bucket;
  };
  return {
    add(nowMs, counts) {
      const bucket = bucketFor(Math.floor(nowMs / 1000));
      bucket.requests += counts.requests ?? 0;
      bucket.errors += counts.errors ?? 0;
      bucket.comparisons += counts.comparisons ?? 0;
      bucket.mismatches += counts.mismatches ?? 0;
    },
    totals(nowMs) {
      const now = Math.floor(nowMs / 1000);
      const total: WindowCounts = { requests: 0, errors: 0, comparisons: 0, mismatches: 0 };
      for (const bucket of buckets) {
        if (!bucket || now - bucket.second >= size) continue;
        total.requests += bucket.requests;
        total.errors += bucket.errors;
        total.comparisons += bucket.comparisons;
        total.mismatches += bucket.mismatches;
      }
      return total;
    },
    clear() {
      buckets.length = 0;
    },
  };
}
