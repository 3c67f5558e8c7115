// 案例库 (他山之石): the search page (import for officers) and a case's page (its text, 要素, units).
import type { RouteRecordRaw } from 'vue-router';
import { CASE_READERS } from '../../utils/roles';
import { modulePages } from './pages';

export const casesRoutes: RouteRecordRaw[] = modulePages({ parents: [], menu: 'cases', roles: CASE_READERS }, [
  { path: 'cases', name: 'cases', view: () => import('../../views/cases/cases-page.vue'), titleKey: 'cases.menu' },
  { path: 'cases/:id(\\d+)', name: 'case-detail', view: () => import('../../views/cases/case-detail-page.vue'), titleKey: 'cases.detail', parents: ['cases.menu'] },
]);
