// 审计日志 (admin): the append-only change log, its entries and the chain check.
import type { RouteRecordRaw } from 'vue-router';
import { AUDIT_READERS } from '../../utils/roles';
import { modulePages } from './pages';

export const auditRoutes: RouteRecordRaw[] = modulePages({ parents: [], menu: 'audit', roles: AUDIT_READERS }, [
  { path: 'audit', name: 'audit', view: () => import('../../views/audit/audit-page.vue'), titleKey: 'audit.menu' },
]);
