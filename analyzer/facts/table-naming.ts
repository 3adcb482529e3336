/**
 * Table names the ORMs derive from a model name when none is given. Each follows the ORM's own
 * default: Sequelize pluralises the model name (`User` -> `Users`), Mongoose lower-cases and
 * pluralises (`OrderItem` -> `orderitems`), TypeORM and MikroORM snake-case the class name
 * (`OrderItem` -> `order_item`), Prisma keeps the model name unless `@@map` says otherwise.
 */

const UNCOUNTABLE = new Set([
  'data',
  'information',
  'equipment',
  'news',
  'series',
  'species',
  'feedback',
  'inventory',
  'metadata',
]);
const IRREGULAR: Record<string, string> = {
  person: 'people',
  child: 'children',
  man: 'men',
  woman: 'women',
  mouse: 'mice',
};

/** English plural of the last word, keeping its case: `Category` -> `Categories`. */
export function pluralize(word: string): string {
  const lower = word.toLowerCase();
  const match = /([A-Za-z]+)$/.exec(word);
  const last = (match?.[1] ?? word).toLowerCase();
  if (UNCOUNTABLE.has(last)) return word;
  const irregular = IRREGULAR[last];
  if (irregular)
    return word.slice(0, word.length - last.length) + matchCase(word.slice(-last.length), irregular);
  if (/[^aeiou]y$/.test(lower)) return `${word.slice(0, -1)}${isUpper(word.slice(-1)) ? 'IES' : 'ies'}`;
  if (/(s|x|z|ch|sh)$/.test(lower)) return `${word}${isUpper(word.slice(-1)) ? 'ES' : 'es'}`;
  return `${word}${isUpper(word.slice(-1)) && word.length > 1 && isUpper(word.slice(-2, -1)) ? 'S' : 's'}`;
}

function isUpper(text: string): boolean {
  return text !== text.toLowerCase() && text === text.toUpperCase();
}

function matchCase(original: string, replacement: string): string {
  return /^[A-Z]/.test(original) ? replacement[0]!.toUpperCase() + replacement.slice(1) : replacement;
}

/** `OrderItem` -> `order_item`, `HTTPLog` -> `http_log`. */
export function snakeCase(name: string): string {
  return name
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z\d]+)/g, '$1_$2')
    .toLowerCase();
}

export function sequelizeTableName(modelName: string, freeze = false): string {
  return freeze ? modelName : pluralize(modelName);
}

export function mongooseCollectionName(modelName: string): string {
  return pluralize(modelName.toLowerCase());
}

export function entityTableName(className: string): string {
  return snakeCase(className);
}
