// 党员积分: my points (members), approvals, the leaderboard, the 公示 and the rules catalog.
import type { RouteRecordRaw } from 'vue-router';
import { POINTS_APPROVERS, POINTS_EDITORS, POINTS_READERS } from '../../utils/roles';
import { modulePages } from './pages';

export const pointsRoutes: RouteRecordRaw[] = modulePages({ parents: ['menu.points'] }, [
  { path: 'points/me', name: 'points-me', view: () => import('../../views/points/my-points-page.vue'), titleKey: 'points.myPoints', menu: 'points-me', roles: ['member'] },
  { path: 'points/approvals', name: 'points-approvals', view: () => import('../../views/points/approvals-page.vue'), titleKey: 'points.approvals', menu: 'points-approvals', roles: POINTS_APPROVERS },
  { path: 'points/leaderboard', name: 'points-leaderboard', view: () => import('../../views/points/leaderboard-page.vue'), titleKey: 'points.leaderboard', menu: 'points-leaderboard', roles: POINTS_READERS },
  { path: 'points/publicity', name: 'points-publicity', view: () => import('../../views/points/publicity-page.vue'), titleKey: 'points.publicity', menu: 'points-publicity', roles: POINTS_READERS },
  { path: 'points/rules', name: 'points-rules', view: () => import('../../views/points/rules-page.vue'), titleKey: 'points.rules', menu: 'points-rules', roles: POINTS_EDITORS },
]);
