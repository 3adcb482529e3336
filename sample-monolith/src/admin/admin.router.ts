import { requireRole, requireStaff } from '@shop/shared/auth.ts';
import { pageOf, readPage } from '@shop/shared/pagination.js';
import { Router } from 'express';
import { listAudit } from './audit.repository.ts';
import { ordersAdminRouter } from './orders-admin.router.ts';
import { dashboardCounts } from './reports.repository.ts';
import { reportsRouter } from './reports.router.ts';
import { usersAdminRouter } from './users-admin.router.ts';

/** The back office. Staff see everything here except user management, which is admin-only. */
export const adminRouter = Router();
adminRouter.use(requireStaff);

adminRouter.get('/dashboard', (_req, res) => {
  res.json({ counts: dashboardCounts() });
});

adminRouter.get('/audit-log', (req, res) => {
  const paging = readPage(req.query);
  const entity = typeof req.query.entity === 'string' ? req.query.entity : undefined;
  const { rows, total } = listAudit({ entity }, paging.pageSize, paging.offset);
  res.json(pageOf(rows, paging, total));
});

adminRouter.use('/reports', reportsRouter);
adminRouter.use('/orders', ordersAdminRouter);
adminRouter.use('/users', requireRole('admin'), usersAdminRouter);
