// 党员积分: my points (members), approvals, the leaderboard, the 公示 and the rules catalog.
import type { RouteRecordRaw } from 'vue-router';
import { POINTS_APPROVERS, POINTS_EDITORS, POINTS_READERS } from '../../utils/roles';

export const pointsRoutes: RouteRecordRaw[] = [
  {
    path: 'points/me',
    name: 'points-me',
    component: () => import('../../views/points/my-points-page.vue'),
    meta: { titleKey: 'points.myPoints', parents: ['menu.points'], menu: 'points-me', roles: ['member'] },
  },
  {
    path: 'points/approvals',
    name: 'points-approvals',
    component: () => import('../../views/points/approvals-page.vue'),
    meta: { titleKey: 'points.approvals', parents: ['menu.points'], menu: 'points-approvals', roles: POINTS_APPROVERS },
  },
  {
    path: 'points/leaderboard',
    name: 'points-leaderboard',
    component: () => import('../../views/points/leaderboard-page.vue'),
    meta: { titleKey: 'points.leaderboard', parents: ['menu.points'], menu: 'points-leaderboard', roles: POINTS_READERS },
  },
  {
    path: 'points/publicity',
    name: 'points-publicity',
    component: () => import('../../views/points/publicity-page.vue'),
    meta: { titleKey: 'points.publicity', parents: ['menu.points'], menu: 'points-publicity', roles: POINTS_READERS },
  },
  {
    path: 'points/rules',
    name: 'points-rules',
    component: () => import('../../views/points/rules-page.vue'),
    meta: { titleKey: 'points.rules', parents: ['menu.points'], menu: 'points-rules', roles: POINTS_EDITORS },
  },
];
