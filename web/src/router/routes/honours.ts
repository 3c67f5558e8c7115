// 荣誉库: the honours register (titles by level and year, from contests, campaigns and documents).
import type { RouteRecordRaw } from 'vue-router';
import { ROSTER_READERS } from '../../utils/roles';
import { modulePages } from './pages';

export const honoursRoutes: RouteRecordRaw[] = modulePages({ parents: [], menu: 'honours', roles: ROSTER_READERS }, [
  { path: 'honours', name: 'honours', view: () => import('../../views/honours/honours-page.vue'), titleKey: 'honours.menu' },
]);
