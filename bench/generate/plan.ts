import { createRandom, type Random } from './random.ts';
import { camel, domainName, entityNoun, pascal, plural, singularOf, snake } from './vocabulary.ts';

export type Layout = 'modules' | 'layered' | 'mixed';

export interface GenerateOptions {
  /** Exact number of source files (.ts) to write. */
  files: number;
  /** Number of business domains (the ground-truth services). */
  domains: number;
  seed: number;
  /**
   * `modules`: src/modules/<domain>/...; `layered`: src/{routes,services,repositories,...}/<domain>/...;
   * `mixed` (default): a monolith half-way through a reorganisation, some domains each way.
   */
  layout?: Layout;
  /**
   * Share of services that call a service of another domain (default 0.1). A third of that
   * rate of repositories also join a table of another domain, and of types files import a
   * type from another domain.
   */
  crossDomainRate?: number;
}

export type EntityFileKind =
  | 'repository'
  | 'service'
  | 'types'
  | 'routes'
  | 'validation'
  | 'mapper'
  | 'legacy';

export interface Entity {
  domain: Domain;
  /** kebab-case, e.g. `order-item`. */
  name: string;
  id: string;
  type: string;
  table: string;
  /** Path segment under the domain prefix, e.g. `/items`; '' for the domain's main entity. */
  route: string;
  files: Partial<Record<EntityFileKind, string>>;
  /** Services of the same domain this entity's service calls. */
  collaborators: Entity[];
  /** Services of other domains this entity's service calls. */
  foreign: Entity[];
  /** Tables of other domains its repository reads in a join. */
  foreignTables: string[];
  /** Main entities of other domains whose type its types file imports (type-only). */
  foreignTypes: Entity[];
  /** Whether its repository writes its table and the domain's main table in one transaction. */
  transaction: boolean;
  readsMainTable: boolean;
}

export interface Domain {
  name: string;
  singular: string;
  layout: 'modules' | 'layered';
  prefix: string;
  router: string;
  /** The router also answers `GET <prefix>/stats` itself. */
  routerHasEndpoint: boolean;
  constants?: string;
  entities: Entity[];
}

export interface MonolithPlan {
  options: Required<GenerateOptions>;
  domains: Domain[];
  kernel: string[];
  wiring: string[];
  scripts: string[];
  random: Random;
}

const KERNEL = ['db', 'logger', 'config', 'errors', 'auth', 'http', 'validate'].map(
  (n) => `src/shared/${n}.ts`,
);
const UTILS = ['dates', 'money', 'strings', 'pagination', 'ids'].map((n) => `src/utils/${n}.ts`);
const WIRING = ['src/app.ts', 'src/server.ts'];
const CORE: EntityFileKind[] = ['repository', 'service', 'types', 'routes'];

export function minimumFiles(domains: number): number {
  return KERNEL.length + UTILS.length + WIRING.length + 1 + domains * (1 + CORE.length);
}

/** Decides every file, entity and link; rendering and writing come after. Deterministic for a seed. */
export function planMonolith(input: GenerateOptions): MonolithPlan {
  const options: Required<GenerateOptions> = { layout: 'mixed', crossDomainRate: 0.1, ...input };
  if (!Number.isInteger(options.domains) || options.domains < 1) throw new RangeError('domains must be >= 1');
  if (!Number.isInteger(options.files) || options.files < minimumFiles(options.domains)) {
    throw new RangeError(
      `files must be an integer >= ${minimumFiles(options.domains)} for ${options.domains} domains`,
    );
  }
  const random = createRandom(options.seed);
  const scriptCount = Math.max(1, Math.round(options.files * 0.01));
  const scripts = ['scripts/migrate.ts'];
  for (let i = 1; i < scriptCount; i++) scripts.push(`scripts/backfill-${i}.ts`);
  const fixed = KERNEL.length + UTILS.length + WIRING.length + scripts.length;

  const domains: Domain[] = [];
  for (let i = 0; i < options.domains; i++) {
    const name = domainName(i);
    const layout = options.layout === 'mixed' ? (i % 2 === 0 ? 'modules' : 'layered') : options.layout;
    domains.push({
      name,
      singular: singularOf(name),
      layout,
      prefix: `/api/${name}`,
      router: layout === 'modules' ? `src/modules/${name}/${name}.router.ts` : `src/routes/${name}/index.ts`,
      routerHasEndpoint: random.chance(0.5),
      entities: [],
    });
  }
  // Domains differ in size, as they do in real code bases.
  const weights = domains.map(() => 0.6 + random.next() * 0.8);
  const sum = weights.reduce((a, b) => a + b, 0);
  const budget = options.files - fixed - domains.length;
  const budgets = weights.map((w) => Math.floor((budget * w) / sum));
  budgets[0]! += budget - budgets.reduce((a, b) => a + b, 0);

  domains.forEach((domain, d) => {
    fillDomain(domain, budgets[d]!, random);
  });
  for (const domain of domains) linkDomain(domain, domains, options, random);
  return { options, domains, kernel: [...KERNEL, ...UTILS], wiring: WIRING, scripts, random };
}

function fillDomain(domain: Domain, budget: number, random: Random): void {
  let left = budget;
  for (let i = 0; left > 0; i++) {
    if (left < 2 && i > 0) {
      domain.constants = domainPath(domain, domain.name, 'constants', false);
      left--;
      continue;
    }
    const name = i === 0 ? domain.singular : `${domain.singular}-${entityNoun(i - 1)}`;
    const kinds: EntityFileKind[] = [...CORE];
    if (random.chance(0.5)) kinds.push('validation');
    if (random.chance(0.2)) kinds.push('mapper');
    if (random.chance(0.04)) kinds.push('legacy');
    const taken = kinds.slice(0, Math.min(kinds.length, left));
    left -= taken.length;
    const entity: Entity = {
      domain,
      name,
      id: camel(name),
      type: pascal(name),
      table: snake(plural(name)),
      route: i === 0 ? '' : `/${plural(entityNoun(i - 1))}`,
      files: {},
      collaborators: [],
      foreign: [],
      foreignTables: [],
      foreignTypes: [],
      transaction: false,
      readsMainTable: false,
    };
    domain.entities.push(entity);
    for (const kind of taken) entity.files[kind] = '';
  }
  // Big domains get a folder per entity, small ones stay flat.
  const nested = domain.entities.length > 8;
  for (const entity of domain.entities) {
    for (const kind of Object.keys(entity.files) as EntityFileKind[]) {
      entity.files[kind] = domainPath(domain, entity.name, kind, nested);
    }
  }
}

const LAYER_FOLDER: Record<string, string> = {
  repository: 'repositories',
  service: 'services',
  types: 'types',
  routes: 'routes',
  validation: 'validation',
  mapper: 'mappers',
  legacy: 'services',
  constants: 'services',
};

function domainPath(domain: Domain, entity: string, kind: string, nested: boolean): string {
  if (domain.layout === 'modules') {
    const folder = nested ? `src/modules/${domain.name}/${entity}` : `src/modules/${domain.name}`;
    return `${folder}/${entity}.${kind}.ts`;
  }
  return `src/${LAYER_FOLDER[kind]}/${domain.name}/${entity}.${kind}.ts`;
}

function linkDomain(domain: Domain, all: Domain[], options: Required<GenerateOptions>, random: Random): void {
  const main = domain.entities[0]!;
  const services = domain.entities.filter((e) => e.files.service);
  for (const entity of domain.entities) {
    if (!entity.files.service) continue;
    const peers = services.filter((e) => e !== entity);
    const count = Math.min(peers.length, random.int(0, 2));
    entity.collaborators = random.sample(peers, count);
    if (entity !== main && main.files.service && !entity.collaborators.includes(main) && random.chance(0.6)) {
      entity.collaborators.push(main);
    }
    if (all.length > 1 && random.chance(options.crossDomainRate)) {
      // Mostly a neighbouring domain (orders -> catalog), sometimes any other.
      const index = all.indexOf(domain);
      const other = random.chance(0.7)
        ? all[(index + 1) % all.length]!
        : random.pick(all.filter((d) => d !== domain));
      const target = other.entities.find((e) => e.files.service && random.chance(0.5)) ?? other.entities[0]!;
      if (target.files.service) entity.foreign.push(target);
    }
  }
  for (const entity of domain.entities) {
    if (!entity.files.repository) continue;
    entity.readsMainTable = entity !== main && random.chance(0.5);
    entity.transaction = entity !== main && random.chance(0.15);
    if (all.length > 1 && random.chance(options.crossDomainRate / 3)) {
      entity.foreignTables.push(random.pick(all.filter((d) => d !== domain)).entities[0]!.table);
    }
  }
  for (const entity of domain.entities) {
    if (!entity.files.types || all.length < 2 || !random.chance(options.crossDomainRate / 3)) continue;
    const other = random.pick(all.filter((d) => d !== domain)).entities[0]!;
    if (other.files.types) entity.foreignTypes.push(other);
  }
}
