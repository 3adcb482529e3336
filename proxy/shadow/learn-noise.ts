/**
 * Noise learning, as Diffy does it: the monolith is asked the same question twice, and the
 * fields whose answers differ (timestamps, generated ids, request ids) cannot be expected to
 * match on the service either. They are learned as noise, excluded from later comparisons,
 * and reported as learned so a person can confirm them.
 */
import type { Comparator } from './compare-responses.ts';
import { generalizePath } from './json-path.ts';
import type { LearnedNoise, ObservedResponse } from './types.ts';

export type NoiseCandidate = Omit<LearnedNoise, 'seen' | 'firstSeenAt'>;

/**
 * The fields that differ between two monolith answers. Status and whole-body (text, hash)
 * differences are not learnable fields: a monolith that flips its status is a finding, and
 * ignoring a whole body would hide every real difference.
 */
export function learnNoise(
  first: ObservedResponse,
  second: ObservedResponse,
  compare: Comparator,
): NoiseCandidate[] {
  const learned = new Map<string, NoiseCandidate>();
  for (const difference of compare(first, second).differences) {
    if (difference.kind === 'header') {
      learned.set(difference.path, toCandidate(difference.path, difference.expected, difference.actual));
    } else if (difference.path.startsWith('$') && difference.path !== '$') {
      const path = generalizePath(difference.path);
      if (!learned.has(path)) learned.set(path, toCandidate(path, difference.expected, difference.actual));
    }
  }
  return [...learned.values()];
}

function toCandidate(path: string, first: string, second: string): NoiseCandidate {
  return { path, example: { first, second } };
}

/** Adds newly learned fields to what a route already knows; counts repeat sightings. */
export function mergeLearnedNoise(
  known: readonly LearnedNoise[],
  found: readonly NoiseCandidate[],
  at: string,
): LearnedNoise[] {
  const merged = new Map(known.map((entry) => [entry.path, { ...entry }]));
  for (const candidate of found) {
    const existing = merged.get(candidate.path);
    if (existing) existing.seen += 1;
    else merged.set(candidate.path, { ...candidate, seen: 1, firstSeenAt: at });
  }
  return [...merged.values()];
}
