// 培育: talent pools, training programs (跟岗 and others) and the 四岗十五级 ladder.
import type { RouteRecordRaw } from 'vue-router';
import { OFFICERS } from '../../utils/roles';
import { modulePages } from './pages';

export const trainingRoutes: RouteRecordRaw[] = modulePages({ parents: ['menu.training'], roles: OFFICERS }, [
  { path: 'training/pools', name: 'training-pools', view: () => import('../../views/training/pools-page.vue'), titleKey: 'training.pools', menu: 'training-pools' },
  { path: 'training/pools/:id(\\d+)', name: 'training-pool', view: () => import('../../views/training/pool-page.vue'), titleKey: 'training.pools', menu: 'training-pools' },
  { path: 'training/ladder', name: 'training-ladder', view: () => import('../../views/training/ladder-page.vue'), titleKey: 'training.ladder.title', menu: 'training-ladder' },
  { path: 'training/programs', name: 'training-programs', view: () => import('../../views/training/programs-page.vue'), titleKey: 'training.programs', menu: 'training-programs' },
  { path: 'training/programs/:id(\\d+)', name: 'training-program', view: () => import('../../views/training/program-page.vue'), titleKey: 'training.programs', menu: 'training-programs' },
]);
