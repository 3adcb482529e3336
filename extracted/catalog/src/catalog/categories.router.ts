import { Router } from 'express';
import { ConflictError, ValidationError } from '../../lib/errors.ts';
import { validator } from '../../lib/validate.ts';
import { requireStaff } from '../shared/auth.ts';
import { findCategoryBySlug, insertCategory, listCategories } from './categories.repository.ts';
import { listProducts } from './products.handlers.ts';

export const categoriesRouter = Router();

categoriesRouter.get('/', (_req, res) => {
  const rows = listCategories();
  res.json({
    items: rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      name: row.name,
      parentId: row.parent_id,
      productCount: row.product_count,
    })),
  });
});

categoriesRouter.get('/:slug/products', listProducts({ defaultSort: 'name', categoryParam: 'slug' }));

categoriesRouter.post('/', requireStaff, (req, res) => {
  const v = validator(req.body);
  const slug = v.string('slug', { pattern: /^[a-z0-9-]+$/, max: 60 });
  const name = v.string('name', { min: 2, max: 80 });
  const parentSlug = v.optionalString('parent');
  v.done();
  const parent = parentSlug ? findCategoryBySlug(parentSlug) : undefined;
  if (parentSlug && !parent) throw new ValidationError([{ field: 'parent', message: 'does not exist' }]);
  if (findCategoryBySlug(slug)) throw new ConflictError(`Category ${slug} already exists`, 'category_exists');
  const id = insertCategory(slug, name, parent?.id ?? null);
  res.status(201).json({ category: { id, slug, name, parentId: parent?.id ?? null } });
});
