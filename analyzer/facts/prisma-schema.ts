/**
 * Prisma models and their tables from `schema.prisma`: the client property is the model name
 * with a lower-case first letter (`OrderItem` -> `prisma.orderItem`), the table is the model
 * name unless `@@map("...")` renames it.
 */
export function readPrismaModels(schema: string): Map<string, string> {
  const models = new Map<string, string>();
  for (const match of schema.matchAll(/^\s*model\s+(\w+)\s*\{([\s\S]*?)^\s*\}/gm)) {
    const name = match[1]!;
    const mapped = /@@map\(\s*(?:name\s*:\s*)?"([^"]+)"\s*\)/.exec(match[2]!)?.[1];
    models.set(name[0]!.toLowerCase() + name.slice(1), mapped ?? name);
  }
  return models;
}
