// 班子结构: the team-structure dashboard of the user's unit.
import type { RouteRecordRaw } from 'vue-router';
import { modulePages } from './pages';

export const dashboardRoutes: RouteRecordRaw[] = modulePages({}, [
  { path: 'dashboard', name: 'dashboard', view: () => import('../../views/dashboard/team-structure-page.vue'), titleKey: 'menu.dashboard', menu: 'dashboard' },
]);
