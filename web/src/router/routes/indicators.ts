// 经济指标: targets and monthly actuals per unit. The page sits under 考核评价 in the menu and
// keeps its first address, /evaluation/metrics (bookmarks and the route name `metrics`).
import type { RouteRecordRaw } from 'vue-router';
import { OFFICERS } from '../../utils/roles';

export const indicatorsRoutes: RouteRecordRaw[] = [
  {
    path: 'evaluation/metrics',
    name: 'metrics',
    component: () => import('../../views/indicators/indicators-page.vue'),
    meta: { titleKey: 'menu.metrics', parents: ['menu.evaluation'], menu: 'metrics', roles: OFFICERS },
  },
];
