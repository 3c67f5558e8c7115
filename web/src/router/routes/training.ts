// 培育: talent pools, training programs (跟岗 and others) and the 四岗十五级 ladder.
import type { RouteRecordRaw } from 'vue-router';
import { OFFICERS } from '../../utils/roles';

export const trainingRoutes: RouteRecordRaw[] = [
  {
    path: 'training/pools',
    name: 'training-pools',
    component: () => import('../../views/training/pools-page.vue'),
    meta: { titleKey: 'training.pools', parents: ['menu.training'], menu: 'training-pools', roles: OFFICERS },
  },
  {
    path: 'training/pools/:id(\\d+)',
    name: 'training-pool',
    component: () => import('../../views/training/pool-page.vue'),
    meta: { titleKey: 'training.pools', parents: ['menu.training'], menu: 'training-pools', roles: OFFICERS },
  },
  {
    path: 'training/ladder',
    name: 'training-ladder',
    component: () => import('../../views/training/ladder-page.vue'),
    meta: { titleKey: 'training.ladder.title', parents: ['menu.training'], menu: 'training-ladder', roles: OFFICERS },
  },
  {
    path: 'training/programs',
    name: 'training-programs',
    component: () => import('../../views/training/programs-page.vue'),
    meta: { titleKey: 'training.programs', parents: ['menu.training'], menu: 'training-programs', roles: OFFICERS },
  },
  {
    path: 'training/programs/:id(\\d+)',
    name: 'training-program',
    component: () => import('../../views/training/program-page.vue'),
    meta: { titleKey: 'training.programs', parents: ['menu.training'], menu: 'training-programs', roles: OFFICERS },
  },
];
