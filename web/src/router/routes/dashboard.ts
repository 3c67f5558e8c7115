// 班子结构: the team-structure dashboard of the user's unit.
import type { RouteRecordRaw } from 'vue-router';

export const dashboardRoutes: RouteRecordRaw[] = [
  {
    path: 'dashboard',
    name: 'dashboard',
    component: () => import('../../views/dashboard/team-structure-page.vue'),
    meta: { titleKey: 'menu.dashboard', menu: 'dashboard' },
  },
];
