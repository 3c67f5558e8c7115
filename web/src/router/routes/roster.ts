// 队伍名册: the region tree with a unit's page, the people list and the person form.
import type { RouteRecordRaw } from 'vue-router';
import { OFFICERS } from '../../utils/roles';

export const rosterRoutes: RouteRecordRaw[] = [
  {
    path: 'roster/units/:id?',
    name: 'units',
    component: () => import('../../views/roster/units-page.vue'),
    meta: { titleKey: 'menu.units', parents: ['menu.roster'], menu: 'units' },
  },
  {
    path: 'roster/people',
    name: 'people',
    component: () => import('../../views/roster/people-page.vue'),
    meta: { titleKey: 'menu.people', parents: ['menu.roster'], menu: 'people' },
  },
  {
    path: 'roster/people/new',
    name: 'person-new',
    component: () => import('../../views/roster/person-form-page.vue'),
    meta: { titleKey: 'people.createTitle', parents: ['menu.roster', 'menu.people'], menu: 'people', roles: OFFICERS },
  },
  {
    path: 'roster/people/:id(\\d+)',
    name: 'person-edit',
    component: () => import('../../views/roster/person-form-page.vue'),
    meta: { titleKey: 'people.editTitle', parents: ['menu.roster', 'menu.people'], menu: 'people' },
  },
];
