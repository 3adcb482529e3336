/** Business domains of a typical commerce/SaaS monolith, with the entity nouns they own. */
export const DOMAIN_NAMES = [
  'orders',
  'catalog',
  'customers',
  'payments',
  'inventory',
  'shipping',
  'invoicing',
  'reviews',
  'promotions',
  'notifications',
  'accounts',
  'loyalty',
  'returns',
  'suppliers',
  'pricing',
  'reporting',
  'subscriptions',
  'support',
  'warehouse',
  'marketing',
] as const;

const SINGULAR: Record<string, string> = {
  orders: 'order',
  catalog: 'product',
  customers: 'customer',
  payments: 'payment',
  inventory: 'stock',
  shipping: 'shipment',
  invoicing: 'invoice',
  reviews: 'review',
  promotions: 'promotion',
  notifications: 'notification',
  accounts: 'account',
  loyalty: 'reward',
  returns: 'return',
  suppliers: 'supplier',
  pricing: 'price',
  reporting: 'report',
  subscriptions: 'subscription',
  support: 'ticket',
  warehouse: 'bin',
  marketing: 'campaign',
};

/** Nouns combined with a domain's main entity: `order-item`, `invoice-line`, ... */
export const ENTITY_NOUNS = [
  'item',
  'note',
  'status',
  'history',
  'export',
  'tag',
  'attachment',
  'comment',
  'schedule',
  'batch',
  'rule',
  'template',
  'setting',
  'event',
  'snapshot',
  'archive',
  'line',
  'adjustment',
  'approval',
  'audit',
  'alias',
  'limit',
  'quota',
  'window',
  'link',
  'reminder',
  'draft',
  'revision',
  'feed',
  'summary',
  'metric',
  'channel',
  'region',
  'segment',
  'variant',
  'bundle',
  'policy',
  'claim',
  'import',
  'mapping',
] as const;

export function domainName(index: number): string {
  const base = DOMAIN_NAMES[index % DOMAIN_NAMES.length]!;
  const round = Math.floor(index / DOMAIN_NAMES.length);
  return round === 0 ? base : `${base}${round + 1}`;
}

export function singularOf(domain: string): string {
  const match = /^([a-z]+?)(\d*)$/.exec(domain)!;
  return `${SINGULAR[match[1]!] ?? match[1]!}${match[2]}`;
}

export function entityNoun(index: number): string {
  const base = ENTITY_NOUNS[index % ENTITY_NOUNS.length]!;
  const round = Math.floor(index / ENTITY_NOUNS.length);
  return round === 0 ? base : `${base}${round + 1}`;
}

export const camel = (kebab: string) => kebab.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
export const pascal = (kebab: string) => camel(kebab).replace(/^./, (c) => c.toUpperCase());
export const snake = (kebab: string) => kebab.replace(/-/g, '_');
export const plural = (word: string) =>
  /(s|x|ch|sh)$/.test(word) ? `${word}es` : /[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`;
