import type { RouteTable } from '../model.ts';

export const EXPORT_TARGETS = ['nginx', 'envoy', 'gateway-api'] as const;
export type ExportTarget = (typeof EXPORT_TARGETS)[number];

/** Everything an exporter needs: the route table (from the store) plus edge settings (from config). */
export interface ExportInput {
  table: RouteTable;
  /** What a canary bucket is computed from, as in the Node proxy. */
  canaryKey: { header: string } | { cookie: string } | 'client-address';
  listen: { host: string; port: number };
  breaker: { failures: number; openSeconds: number };
  timeoutMs: number;
  /** Response header naming the target that answered; false to omit. */
  servedByHeader: string | false;
  /** Named in the header comment, e.g. `proxy.db` or `strangler.yaml`. */
  source: string;
}

export interface ExportResult {
  target: ExportTarget;
  /** The file contents: nginx include, Envoy bootstrap YAML, or Gateway API YAML. */
  text: string;
}
