import { toEnvoyYaml } from './envoy.ts';
import { toGatewayApiYaml } from './gateway-api.ts';
import { toNginxConfig } from './nginx.ts';
import type { ExportInput, ExportResult, ExportTarget } from './types.ts';

export type { ExportInput, ExportResult, ExportTarget } from './types.ts';
export { EXPORT_TARGETS } from './types.ts';

/** The route table in an edge's own configuration language. Same input, same bytes. */
export function exportRouteTable(target: ExportTarget, input: ExportInput): ExportResult {
  switch (target) {
    case 'nginx':
      return { target, text: toNginxConfig(input) };
    case 'envoy':
      return { target, text: toEnvoyYaml(input) };
    case 'gateway-api':
      return { target, text: toGatewayApiYaml(input) };
  }
}
