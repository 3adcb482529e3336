/**
 * One circuit breaker per service. `failures` consecutive failures open it: for `openSeconds`
 * that service's routes are served by the monolith without trying the service. Then it is
 * half-open: one request at a time probes the service; a success closes it, a failure opens
 * it again for another period. State changes are reported through `onChange`.
 */

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerOptions {
  failures: number;
  openSeconds: number;
  now?: () => number;
  onChange?: (service: string, from: BreakerState, to: BreakerState) => void;
}

export interface Breakers {
  /** May a request go to this service now? In half-open, true for the single probe only. */
  allow(service: string): boolean;
  success(service: string): void;
  failure(service: string): void;
  /** The request let through gave no verdict (the client left): let another one probe. */
  abandon(service: string): void;
  state(service: string): BreakerState;
}

interface Circuit {
  state: BreakerState;
  consecutiveFailures: number;
  openedAt: number;
  probing: boolean;
}

export function createBreakers(options: BreakerOptions): Breakers {
  const now = options.now ?? Date.now;
  const circuits = new Map<string, Circuit>();
  const circuit = (service: string): Circuit => {
    let found = circuits.get(service);
    if (!found) {
      found = { state: 'closed', consecutiveFailures: 0, openedAt: 0, probing: false };
      circuits.set(service, found);
    }
    return found;
  };
  const move = (service: string, c: Circuit, to: BreakerState) => {
    const from = c.state;
    c.state = to;
    if (to === 'open') c.openedAt = now();
    c.probing = false;
    options.onChange?.(service, from, to);
  };

  return {
    allow(service) {
      const c = circuits.get(service);
      if (!c || c.state === 'closed') return true;
      if (c.state === 'open') {
        if (now() - c.openedAt < options.openSeconds * 1000) return false;
        move(service, c, 'half-open');
      }
      if (c.probing) return false;
      c.probing = true;
      return true;
    },
    success(service) {
      const c = circuits.get(service);
      if (!c) return;
      c.consecutiveFailures = 0;
      if (c.state !== 'closed') move(service, c, 'closed');
    },
    failure(service) {
      const c = circuit(service);
      c.consecutiveFailures++;
      if (c.state === 'half-open' || (c.state === 'closed' && c.consecutiveFailures >= options.failures)) {
        move(service, c, 'open');
      }
    },
    abandon(service) {
      const c = circuits.get(service);
      if (c) c.probing = false;
    },
    state(service) {
      return circuits.get(service)?.state ?? 'closed';
    },
  };
}
