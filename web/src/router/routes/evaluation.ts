// 考核创争: the campaign list, a new campaign, a campaign's board and its award list.
import type { RouteRecordRaw } from 'vue-router';
import { EVALUATION_READERS, OFFICERS } from '../../utils/roles';

export const evaluationRoutes: RouteRecordRaw[] = [
  {
    path: 'evaluation',
    name: 'campaigns',
    component: () => import('../../views/evaluation/campaigns-page.vue'),
    meta: { titleKey: 'menu.evaluation', menu: 'campaigns', roles: EVALUATION_READERS },
  },
  {
    path: 'evaluation/new',
    name: 'campaign-new',
    component: () => import('../../views/evaluation/campaign-new-page.vue'),
    meta: { titleKey: 'campaignNew.title', parents: ['menu.evaluation'], menu: 'campaigns', roles: OFFICERS },
  },
  {
    path: 'evaluation/:id(\\d+)',
    name: 'campaign',
    component: () => import('../../views/evaluation/campaign-page.vue'),
    meta: { titleKey: 'evaluation.board', parents: ['menu.evaluation'], menu: 'campaigns', roles: EVALUATION_READERS },
  },
  {
    path: 'evaluation/:id(\\d+)/awards',
    name: 'campaign-awards',
    component: () => import('../../views/evaluation/awards-page.vue'),
    meta: { titleKey: 'evaluation.awardList', parents: ['menu.evaluation'], menu: 'campaigns', roles: EVALUATION_READERS },
  },
];
