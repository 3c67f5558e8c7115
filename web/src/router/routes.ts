import type { RouteRecordRaw } from 'vue-router';
import type { Role } from '../api/session';

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title (document title and breadcrumb). */
    titleKey?: string;
    /** Breadcrumb parents (i18n keys), before the page's own title. */
    parents?: string[];
    /** Menu key to highlight. */
    menu?: string;
    public?: boolean;
    roles?: Role[];
  }
}

const OFFICERS: Role[] = ['admin', 'county', 'town'];
const EVALUATION_READERS: Role[] = ['admin', 'county', 'town', 'secretary', 'judge'];
const POINTS_APPROVERS: Role[] = ['admin', 'county', 'town', 'secretary'];
const POINTS_READERS: Role[] = ['admin', 'county', 'town', 'secretary', 'member'];
const POINTS_EDITORS: Role[] = ['admin', 'county'];

// Every page is a lazily loaded chunk; the login route loads only the shell and the login form.
export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('../views/session/login-page.vue'),
    meta: { public: true, titleKey: 'login.title' },
  },
  {
    path: '/',
    component: () => import('../layouts/admin-layout.vue'),
    children: [
      { path: '', name: 'root', redirect: '/home' },
      { path: 'home', name: 'home', component: () => import('../views/home/home-page.vue'), meta: { titleKey: 'app.home' } },
      {
        path: 'roster/units/:id?',
        name: 'units',
        component: () => import('../views/roster/units-page.vue'),
        meta: { titleKey: 'menu.units', parents: ['menu.roster'], menu: 'units' },
      },
      {
        path: 'roster/people',
        name: 'people',
        component: () => import('../views/roster/people-page.vue'),
        meta: { titleKey: 'menu.people', parents: ['menu.roster'], menu: 'people' },
      },
      {
        path: 'roster/people/new',
        name: 'person-new',
        component: () => import('../views/roster/person-form-page.vue'),
        meta: { titleKey: 'people.createTitle', parents: ['menu.roster', 'menu.people'], menu: 'people', roles: OFFICERS },
      },
      {
        path: 'roster/people/:id(\\d+)',
        name: 'person-edit',
        component: () => import('../views/roster/person-form-page.vue'),
        meta: { titleKey: 'people.editTitle', parents: ['menu.roster', 'menu.people'], menu: 'people' },
      },
      {
        path: 'dashboard',
        name: 'dashboard',
        component: () => import('../views/dashboard/team-structure-page.vue'),
        meta: { titleKey: 'menu.dashboard', menu: 'dashboard' },
      },
      {
        path: 'exchange',
        name: 'exchange',
        component: () => import('../views/exchange/exchange-page.vue'),
        meta: { titleKey: 'menu.exchange', menu: 'exchange', roles: OFFICERS },
      },
      {
        path: 'evaluation',
        name: 'campaigns',
        component: () => import('../views/evaluation/campaigns-page.vue'),
        meta: { titleKey: 'menu.evaluation', menu: 'campaigns', roles: EVALUATION_READERS },
      },
      {
        path: 'evaluation/metrics',
        name: 'metrics',
        component: () => import('../views/indicators/indicators-page.vue'),
        meta: { titleKey: 'menu.metrics', parents: ['menu.evaluation'], menu: 'metrics', roles: OFFICERS },
      },
      {
        path: 'evaluation/new',
        name: 'campaign-new',
        component: () => import('../views/evaluation/campaign-new-page.vue'),
        meta: { titleKey: 'campaignNew.title', parents: ['menu.evaluation'], menu: 'campaigns', roles: OFFICERS },
      },
      {
        path: 'evaluation/:id(\\d+)',
        name: 'campaign',
        component: () => import('../views/evaluation/campaign-page.vue'),
        meta: { titleKey: 'evaluation.board', parents: ['menu.evaluation'], menu: 'campaigns', roles: EVALUATION_READERS },
      },
      {
        path: 'evaluation/:id(\\d+)/awards',
        name: 'campaign-awards',
        component: () => import('../views/evaluation/awards-page.vue'),
        meta: { titleKey: 'evaluation.awardList', parents: ['menu.evaluation'], menu: 'campaigns', roles: EVALUATION_READERS },
      },
      {
        path: 'points/me',
        name: 'points-me',
        component: () => import('../views/points/my-points-page.vue'),
        meta: { titleKey: 'points.myPoints', parents: ['menu.points'], menu: 'points-me', roles: ['member'] },
      },
      {
        path: 'points/approvals',
        name: 'points-approvals',
        component: () => import('../views/points/approvals-page.vue'),
        meta: { titleKey: 'points.approvals', parents: ['menu.points'], menu: 'points-approvals', roles: POINTS_APPROVERS },
      },
      {
        path: 'points/leaderboard',
        name: 'points-leaderboard',
        component: () => import('../views/points/leaderboard-page.vue'),
        meta: { titleKey: 'points.leaderboard', parents: ['menu.points'], menu: 'points-leaderboard', roles: POINTS_READERS },
      },
      {
        path: 'points/publicity',
        name: 'points-publicity',
        component: () => import('../views/points/publicity-page.vue'),
        meta: { titleKey: 'points.publicity', parents: ['menu.points'], menu: 'points-publicity', roles: POINTS_READERS },
      },
      {
        path: 'points/rules',
        name: 'points-rules',
        component: () => import('../views/points/rules-page.vue'),
        meta: { titleKey: 'points.rules', parents: ['menu.points'], menu: 'points-rules', roles: POINTS_EDITORS },
      },
      {
        path: 'training/pools',
        name: 'training-pools',
        component: () => import('../views/training/pools-page.vue'),
        meta: { titleKey: 'training.pools', parents: ['menu.training'], menu: 'training-pools', roles: OFFICERS },
      },
      {
        path: 'training/pools/:id(\\d+)',
        name: 'training-pool',
        component: () => import('../views/training/pool-page.vue'),
        meta: { titleKey: 'training.pools', parents: ['menu.training'], menu: 'training-pools', roles: OFFICERS },
      },
      {
        path: 'training/ladder',
        name: 'training-ladder',
        component: () => import('../views/training/ladder-page.vue'),
        meta: { titleKey: 'training.ladder.title', parents: ['menu.training'], menu: 'training-ladder', roles: OFFICERS },
      },
      {
        path: 'training/programs',
        name: 'training-programs',
        component: () => import('../views/training/programs-page.vue'),
        meta: { titleKey: 'training.programs', parents: ['menu.training'], menu: 'training-programs', roles: OFFICERS },
      },
      {
        path: 'training/programs/:id(\\d+)',
        name: 'training-program',
        component: () => import('../views/training/program-page.vue'),
        meta: { titleKey: 'training.programs', parents: ['menu.training'], menu: 'training-programs', roles: OFFICERS },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('../views/errors/not-found-page.vue'),
        meta: { titleKey: 'errors.pageNotFound' },
      },
    ],
  },
];
