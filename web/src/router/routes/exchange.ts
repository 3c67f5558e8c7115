// 导入导出: roster and division imports, templates and exports.
import type { RouteRecordRaw } from 'vue-router';
import { OFFICERS } from '../../utils/roles';
import { modulePages } from './pages';

export const exchangeRoutes: RouteRecordRaw[] = modulePages({ roles: OFFICERS }, [
  { path: 'exchange', name: 'exchange', view: () => import('../../views/exchange/exchange-page.vue'), titleKey: 'menu.exchange', menu: 'exchange' },
]);
