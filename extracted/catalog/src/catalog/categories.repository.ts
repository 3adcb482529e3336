import { db } from '../../lib/db.ts';

export interface CategoryRow {
  id: number;
  slug: string;
  name: string;
  parent_id: number | null;
  product_count: number;
}

export function listCategories(): CategoryRow[] {
  return db()
    .prepare(
      `SELECT c.id, c.slug, c.name, c.parent_id,
              (SELECT COUNT(*) FROM products p WHERE p.category_id = c.id AND p.status = 'active') AS product_count
         FROM categories c
        ORDER BY c.parent_id IS NOT NULL, c.name`,
    )
    .all() as CategoryRow[];
}

export function findCategoryBySlug(slug: string): CategoryRow | undefined {
  return db()
    .prepare('SELECT id, slug, name, parent_id, 0 AS product_count FROM categories WHERE slug = ?')
    .get(slug) as CategoryRow | undefined;
}

export function insertCategory(slug: string, name: string, parentId: number | null): number {
  return Number(
    db().prepare('INSERT INTO categories (slug, name, parent_id) VALUES (?, ?, ?)').run(slug, name, parentId)
      .lastInsertRowid,
  );
}
