/**
 * Automatic rollback. The request path reports each answer the service gave a canary/service
 * route (`recordServiceResult`), the shadow runner reports each comparison; when a route's window
 * crosses a threshold the guardrail asks the control plane to roll the route back to its previous
 * setting, recorded in the history with actor `guardrail` and the reason. One rollback per
 * route setting: it does not fire again until the route changes.
 */
import type { Route, RouteChange, RouteTable } from '../model.ts';
import { decideGuardrail, findGuardrailRevision } from './guardrail-decision.ts';
import type { GuardrailOptions } from './options.ts';
import { createSlidingWindow, type SlidingWindow } from './sliding-window.ts';

export interface GuardrailRollback {
  routeId: string;
  routeKey: string;
  actor: 'guardrail';
  reason: string;
  /** Restore the setting before this change (`rollback --revision`); absent: undo the last change. */
  revision?: number;
}

export interface GuardrailsDeps {
  options: GuardrailOptions;
  getTable: () => RouteTable;
  /** Rolls the route back through the store and swaps the table (the control plane's job). */
  rollback: (change: GuardrailRollback) => unknown | Promise<unknown>;
  /** The route's history, newest first, to find the change to undo (see findGuardrailRevision). */
  history?: (routeId: string) => readonly RouteChange[];
  logger?: { warn(object: object, message: string): void; error(object: object, message: string): void };
  now?: () => number;
}

export interface Guardrails {
  /** An answer from the service for a canary/service route: `error` for 5xx, refused, reset, timeout. */
  recordServiceResult(routeId: string, result: { error: boolean }): void;
  /** A finished comparison for a route that is still mirrored. */
  recordComparison(routeId: string, matched: boolean): void;
  /** Rollbacks requested so far, newest last (for the admin API and tests). */
  readonly rollbacks: readonly GuardrailRollback[];
}

export function createGuardrails(deps: GuardrailsDeps): Guardrails {
  const now = deps.now ?? Date.now;
  const windows = new Map<string, { window: SlidingWindow; settingKey: string; tripped: boolean }>();
  const rollbacks: GuardrailRollback[] = [];

  const stateFor = (route: Route) => {
    const settingKey = `${route.mode}|${route.percent}|${route.service}`;
    let state = windows.get(route.id);
    if (!state || state.settingKey !== settingKey) {
      // A new setting starts a new trial: the old window judged the old setting.
      state = { window: createSlidingWindow(deps.options.windowSeconds), settingKey, tripped: false };
      windows.set(route.id, state);
    }
    return state;
  };

  const record = (routeId: string, counts: Parameters<SlidingWindow['add']>[1]) => {
    if (!deps.options.enabled) return;
    const route = deps.getTable().routes.find((candidate) => candidate.id === routeId);
    if (!route) return;
    const state = stateFor(route);
    if (state.tripped) return;
    const at = now();
    state.window.add(at, counts);
    const decision = decideGuardrail(route.mode, state.window.totals(at), deps.options);
    if (!decision.rollback) return;
    state.tripped = true;
    const change: GuardrailRollback = {
      routeId,
      routeKey: route.key,
      actor: 'guardrail',
      reason: decision.reason,
    };
    const revision = deps.history ? findGuardrailRevision(route, deps.history(routeId)) : undefined;
    if (revision !== undefined) change.revision = revision;
    rollbacks.push(change);
    deps.logger?.warn({ routeId, reason: decision.reason }, 'guardrail rolling route back');
    Promise.resolve()
      .then(() => deps.rollback(change))
      .catch((error: unknown) => {
        // Stays tripped: retrying on every request would flood the log (e.g. a route created in
        // this mode has no previous setting); a person must act, and a new setting re-arms it.
        deps.logger?.error({ routeId, reason: decision.reason, err: error }, 'guardrail rollback failed');
      });
  };

  return {
    recordServiceResult(routeId, result) {
      record(routeId, { requests: 1, errors: result.error ? 1 : 0 });
    },
    recordComparison(routeId, matched) {
      record(routeId, { comparisons: 1, mismatches: matched ? 0 : 1 });
    },
    rollbacks,
  };
}
