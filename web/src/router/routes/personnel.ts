// 人事: personnel decisions citing their ground, and the 躺平奖 (nominated, with the county's
// review; the computed bottom-N as an option).
import type { RouteRecordRaw } from 'vue-router';
import { OFFICERS } from '../../utils/roles';
import { modulePages } from './pages';

export const personnelRoutes: RouteRecordRaw[] = modulePages({ parents: [], roles: OFFICERS }, [
  { path: 'personnel/decisions', name: 'decisions', view: () => import('../../views/personnel/decisions-page.vue'), titleKey: 'personnel.menu', menu: 'decisions' },
  { path: 'tangping', name: 'tangping', view: () => import('../../views/personnel/tangping-page.vue'), titleKey: 'tangping.menu', menu: 'tangping' },
]);
