/**
 * The part of Envoy's v3 bootstrap API that `toEnvoyBootstrap` emits, as strict schemas: field
 * names and enums follow Envoy's protos (envoy/config/{bootstrap,listener,route,cluster}/v3),
 * unknown fields are errors, and the checks Envoy makes at load time are repeated (exactly one
 * cluster specifier, weights that add up, every referenced cluster defined). There is no Envoy
 * binary on the machines we test on; this keeps the export honest without one.
 */
import { z } from 'zod';

const duration = z.string().regex(/^\d+(\.\d+)?s$/, 'a protobuf Duration such as "5s"');
const RETRY_ON = new Set([
  '5xx',
  'gateway-error',
  'reset',
  'reset-before-request',
  'connect-failure',
  'envoy-ratelimited',
  'retriable-4xx',
  'refused-stream',
  'retriable-status-codes',
  'retriable-headers',
  'http3-post-connect-failure',
]);

const regexMatcher = z.strictObject({ regex: z.string().min(1) });
const stringMatcher = z.union([
  z.strictObject({ exact: z.string(), ignore_case: z.boolean().optional() }),
  z.strictObject({ prefix: z.string().min(1), ignore_case: z.boolean().optional() }),
  z.strictObject({ safe_regex: regexMatcher }),
]);
const headerMatcher = z.strictObject({ name: z.string().min(1), string_match: stringMatcher });
const routeMatch = z.union([
  z.strictObject({
    prefix: z.string(),
    headers: z.array(headerMatcher).optional(),
    case_sensitive: z.boolean().optional(),
  }),
  z.strictObject({
    path: z.string(),
    headers: z.array(headerMatcher).optional(),
    case_sensitive: z.boolean().optional(),
  }),
  z.strictObject({ safe_regex: regexMatcher, headers: z.array(headerMatcher).optional() }),
]);
function typedExtension<S extends z.ZodRawShape>(type: string, extra: S = {} as S) {
  return z.strictObject({
    name: z.string().min(1),
    typed_config: z.strictObject({ '@type': z.literal(type), ...extra }),
  });
}

const retryPolicy = z.strictObject({
  retry_on: z
    .string()
    .refine((value) => value.split(',').every((token) => RETRY_ON.has(token)), 'unknown retry_on condition'),
  num_retries: z.number().int().nonnegative(),
  retry_priority: typedExtension(
    'type.googleapis.com/envoy.extensions.retry.priority.previous_priorities.v3.PreviousPrioritiesConfig',
    { update_frequency: z.number().int().positive() },
  ).optional(),
});
const mirrorPolicy = z.strictObject({
  cluster: z.string().min(1),
  runtime_fraction: z.strictObject({
    default_value: z.strictObject({
      numerator: z.number().int().min(0),
      denominator: z.enum(['HUNDRED', 'TEN_THOUSAND', 'MILLION']),
    }),
  }),
  request_headers_mutations: z
    .array(
      z.strictObject({
        append: z.strictObject({ header: z.strictObject({ key: z.string().min(1), value: z.string() }) }),
      }),
    )
    .optional(),
});
const hashPolicy = z.union([
  z.strictObject({ header: z.strictObject({ header_name: z.string().min(1) }) }),
  z.strictObject({ cookie: z.strictObject({ name: z.string().min(1) }) }),
  z.strictObject({ connection_properties: z.strictObject({ source_ip: z.boolean() }) }),
]);
const weightedClusters = z.strictObject({
  clusters: z.array(z.strictObject({ name: z.string().min(1), weight: z.number().int().min(0) })).min(1),
  use_hash_policy: z.boolean().optional(),
});
const routeAction = z
  .strictObject({
    cluster: z.string().min(1).optional(),
    weighted_clusters: weightedClusters.optional(),
    hash_policy: z.array(hashPolicy).optional(),
    timeout: duration.optional(),
    append_x_forwarded_host: z.boolean().optional(),
    retry_policy: retryPolicy.optional(),
    request_mirror_policies: z.array(mirrorPolicy).optional(),
  })
  .refine((action) => (action.cluster === undefined) !== (action.weighted_clusters === undefined), {
    message: 'exactly one of cluster and weighted_clusters must be set',
  })
  .refine(
    (action) => !action.weighted_clusters || action.weighted_clusters.clusters.some((c) => c.weight > 0),
    {
      message: 'weighted_clusters need a positive total weight',
    },
  );
const route = z.strictObject({ name: z.string().min(1), match: routeMatch, route: routeAction });

const socketAddress = z.strictObject({
  address: z.string().min(1),
  port_value: z.number().int().min(0).max(65535),
});
const httpConnectionManager = z.strictObject({
  '@type': z.literal(
    'type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager',
  ),
  stat_prefix: z.string().min(1),
  codec_type: z.enum(['AUTO', 'HTTP1', 'HTTP2', 'HTTP3']),
  use_remote_address: z.boolean(),
  normalize_path: z.boolean(),
  merge_slashes: z.boolean(),
  path_with_escaped_slashes_action: z.enum([
    'IMPLEMENTATION_SPECIFIC_DEFAULT',
    'KEEP_UNCHANGED',
    'REJECT_REQUEST',
    'UNESCAPE_AND_REDIRECT',
    'UNESCAPE_AND_FORWARD',
  ]),
  upgrade_configs: z.array(z.strictObject({ upgrade_type: z.string().min(1) })),
  route_config: z.strictObject({
    name: z.string(),
    virtual_hosts: z
      .array(
        z.strictObject({
          name: z.string().min(1),
          domains: z.array(z.string()).min(1),
          routes: z.array(route),
        }),
      )
      .min(1),
  }),
  http_filters: z
    .array(typedExtension('type.googleapis.com/envoy.extensions.filters.http.router.v3.Router'))
    .min(1),
});
const listener = z.strictObject({
  name: z.string().min(1),
  address: z.strictObject({ socket_address: socketAddress }),
  filter_chains: z.array(
    z.strictObject({
      filters: z.array(
        z.strictObject({
          name: z.literal('envoy.filters.network.http_connection_manager'),
          typed_config: httpConnectionManager,
        }),
      ),
    }),
  ),
});
const endpointCluster = z.strictObject({
  name: z.string().min(1),
  type: z.enum(['STATIC', 'STRICT_DNS', 'LOGICAL_DNS']),
  connect_timeout: duration,
  load_assignment: z.strictObject({
    cluster_name: z.string().min(1),
    endpoints: z.array(
      z.strictObject({
        lb_endpoints: z.array(
          z.strictObject({
            endpoint: z.strictObject({ address: z.strictObject({ socket_address: socketAddress }) }),
          }),
        ),
      }),
    ),
  }),
  outlier_detection: z
    .strictObject({
      consecutive_5xx: z.number().int().positive(),
      consecutive_gateway_failure: z.number().int().positive(),
      interval: duration,
      base_ejection_time: duration,
      max_ejection_percent: z.number().int().min(0).max(100),
    })
    .optional(),
});
const aggregateCluster = z.strictObject({
  name: z.string().min(1),
  connect_timeout: duration,
  lb_policy: z.literal('CLUSTER_PROVIDED'),
  cluster_type: typedExtension('type.googleapis.com/envoy.extensions.clusters.aggregate.v3.ClusterConfig', {
    clusters: z.array(z.string().min(1)).min(1),
  }),
});

export const envoyBootstrapSchema = z
  .strictObject({
    static_resources: z.strictObject({
      listeners: z.array(listener).min(1),
      clusters: z.array(z.union([endpointCluster, aggregateCluster])).min(1),
    }),
  })
  .superRefine((bootstrap, ctx) => {
    const defined = new Set(bootstrap.static_resources.clusters.map((cluster) => cluster.name));
    const referenced: string[] = [];
    for (const cluster of bootstrap.static_resources.clusters) {
      if ('cluster_type' in cluster) referenced.push(...cluster.cluster_type.typed_config.clusters);
    }
    for (const l of bootstrap.static_resources.listeners) {
      for (const chain of l.filter_chains) {
        for (const filter of chain.filters) {
          for (const host of filter.typed_config.route_config.virtual_hosts) {
            for (const r of host.routes) {
              if (r.route.cluster) referenced.push(r.route.cluster);
              for (const weighted of r.route.weighted_clusters?.clusters ?? [])
                referenced.push(weighted.name);
              for (const mirror of r.route.request_mirror_policies ?? []) referenced.push(mirror.cluster);
            }
          }
        }
      }
    }
    for (const name of referenced) {
      if (!defined.has(name))
        ctx.addIssue({ code: 'custom', message: `cluster "${name}" is referenced but not defined` });
    }
  });
