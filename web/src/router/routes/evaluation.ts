// 考核创争: the campaign list, a new campaign, a campaign's board and its award list.
import type { RouteRecordRaw } from 'vue-router';
import { EVALUATION_READERS, OFFICERS } from '../../utils/roles';
import { modulePages } from './pages';

export const evaluationRoutes: RouteRecordRaw[] = modulePages({ parents: ['menu.evaluation'], menu: 'campaigns', roles: EVALUATION_READERS }, [
  { path: 'evaluation', name: 'campaigns', view: () => import('../../views/evaluation/campaigns-page.vue'), titleKey: 'menu.evaluation', parents: [] },
  { path: 'evaluation/new', name: 'campaign-new', view: () => import('../../views/evaluation/campaign-new-page.vue'), titleKey: 'campaignNew.title', roles: OFFICERS },
  { path: 'evaluation/:id(\\d+)', name: 'campaign', view: () => import('../../views/evaluation/campaign-page.vue'), titleKey: 'evaluation.board' },
  { path: 'evaluation/:id(\\d+)/awards', name: 'campaign-awards', view: () => import('../../views/evaluation/awards-page.vue'), titleKey: 'evaluation.awardList' },
]);
