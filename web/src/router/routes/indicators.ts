// 经济指标: targets and monthly actuals per unit. The page sits under 考核评价 in the menu and
// keeps its first address, /evaluation/metrics (bookmarks and the route name `metrics`).
import type { RouteRecordRaw } from 'vue-router';
import { OFFICERS } from '../../utils/roles';
import { modulePages } from './pages';

export const indicatorsRoutes: RouteRecordRaw[] = modulePages({ parents: ['menu.evaluation'], roles: OFFICERS }, [
  { path: 'evaluation/metrics', name: 'metrics', view: () => import('../../views/indicators/indicators-page.vue'), titleKey: 'menu.metrics', menu: 'metrics' },
]);
