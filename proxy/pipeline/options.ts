import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { ProxyConfig } from '../config/schema.ts';
import type { ForwardEngine } from '../forward/engine.ts';
import type { CapturedExchange, Route, RouteTable } from '../model.ts';
import type { ProxyStats } from '../stats/create-stats.ts';

/** The parts of the proxy config the request path reads; a whole `ProxyConfig` fits. */
export type DataPlaneConfig = Pick<ProxyConfig, 'canary' | 'override' | 'forward' | 'breaker'> & {
  /** `shadow.captureBytes` caps what a shadow route's exchange captures of each body. */
  shadow?: Pick<ProxyConfig['shadow'], 'captureBytes'>;
};

export interface DataPlaneLimits {
  /** Request bodies up to this size are read ahead so a failed service call can be retried. */
  retryBodyBytes: number;
  /** Shadow routes: request and response bodies captured up to this size each. */
  captureBytes: number;
}

export const DEFAULT_LIMITS: DataPlaneLimits = { retryBodyBytes: 1024 * 1024, captureBytes: 1024 * 1024 };

export interface RequestHandlerOptions {
  /** Read once per request: a request finishes on the table it started with. */
  getTable: () => RouteTable;
  config: DataPlaneConfig;
  stats: ProxyStats;
  logger: Logger;
  /**
   * Called once per request with the route it matched (null: none), before it is forwarded.
   * Session recording uses it, so the request is matched once. Must be cheap and not throw.
   */
  onRouted?: (req: IncomingMessage, route: Route | null) => void;
  /** Called after a `shadow` route's primary response has finished (the shadow runner). */
  onShadow?: (exchange: CapturedExchange) => void;
  /** Defaults to the engine named in `config.forward.engine`. */
  engine?: ForwardEngine;
  limits?: Partial<DataPlaneLimits>;
}
