/**
 * The "top-level domain folder" of a module: the first folder below the usual source
 * containers (`src/`, `app/`, `modules/`...). `src/orders/orders.service.ts` -> `orders`,
 * `src/modules/billing/invoice.ts` -> `billing`. A file that sits directly in a container takes
 * its own name without role suffixes (`src/orders.routes.ts` -> `orders`), so flat layouts get
 * domains too. Used for the folder baseline, service names and kernel detection.
 */
const CONTAINERS = new Set([
  'src',
  'source',
  'app',
  'apps',
  'lib',
  'server',
  'modules',
  'domains',
  'domain',
  'features',
  'packages',
  'api',
  'components',
]);

const ROLE_SUFFIX =
  /\.(routes?|router|controller|service|services|repository|repo|model|models|handlers?|schema|types?|store|dao|queries|sql|validation|validator|dto|entity|module|helpers?|utils?|index)$/;

export function getDomainFolder(moduleId: string): string {
  const segments = moduleId.split('/');
  const file = segments.pop() ?? moduleId;
  for (const segment of segments) {
    if (!CONTAINERS.has(segment.toLowerCase())) return segment;
  }
  return toStem(file);
}

/**
 * The domain a module belongs to by its path, looking through layer folders as well:
 * `src/services/catalog/product.service.ts` -> `catalog`, `src/services/orders.service.ts` ->
 * `orders`. For heuristics (kernel fan-in, wiring fan-out, names); the folder baseline uses
 * the literal top-level folder above.
 */
export function getDomainKey(moduleId: string): string {
  let key = domainKeys.get(moduleId);
  if (key === undefined) {
    key = computeDomainKey(moduleId);
    domainKeys.set(moduleId, key);
  }
  return key;
}

// Pure function of the id, asked for many times per module while clustering.
const domainKeys = new Map<string, string>();

function computeDomainKey(moduleId: string): string {
  const segments = moduleId.split('/');
  const file = segments.pop() ?? moduleId;
  for (const segment of segments) {
    const lower = segment.toLowerCase();
    if (!CONTAINERS.has(lower) && !LAYER_NAMES.has(lower) && !EXTRA_LAYERS.has(lower)) return segment;
  }
  return toStem(file);
}

const EXTRA_LAYERS = new Set([
  'validation',
  'validators',
  'mappers',
  'dto',
  'dtos',
  'entities',
  'schemas',
  'scripts',
  'jobs',
]);

export function toStem(file: string): string {
  let stem = file.replace(/\.(d\.)?[cm]?[jt]sx?$/, '');
  let previous = '';
  while (previous !== stem) {
    previous = stem;
    stem = stem.replace(ROLE_SUFFIX, '');
  }
  return stem || file;
}

/** Folder names that describe a layer, not a domain: a poor service name on their own. */
export const LAYER_NAMES = new Set([
  'controllers',
  'controller',
  'services',
  'service',
  'routes',
  'routers',
  'models',
  'repositories',
  'repos',
  'handlers',
  'db',
  'database',
  'utils',
  'util',
  'helpers',
  'middleware',
  'middlewares',
  'shared',
  'common',
  'core',
  'infra',
  'config',
  'types',
  'index',
  'app',
  'server',
  'main',
]);
