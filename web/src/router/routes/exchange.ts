// 导入导出: roster and division imports, templates and exports.
import type { RouteRecordRaw } from 'vue-router';
import { OFFICERS } from '../../utils/roles';

export const exchangeRoutes: RouteRecordRaw[] = [
  {
    path: 'exchange',
    name: 'exchange',
    component: () => import('../../views/exchange/exchange-page.vue'),
    meta: { titleKey: 'menu.exchange', menu: 'exchange', roles: OFFICERS },
  },
];
