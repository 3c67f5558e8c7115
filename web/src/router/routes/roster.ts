// 队伍名册: the region tree with a unit's page, the people list and the person form.
import type { RouteRecordRaw } from 'vue-router';
import { OFFICERS } from '../../utils/roles';
import { modulePages } from './pages';

const PEOPLE = { parents: ['menu.roster', 'menu.people'], menu: 'people' };

export const rosterRoutes: RouteRecordRaw[] = modulePages({ parents: ['menu.roster'] }, [
  { path: 'roster/units/:id?', name: 'units', view: () => import('../../views/roster/units-page.vue'), titleKey: 'menu.units', menu: 'units' },
  { path: 'roster/party-orgs', name: 'party-orgs', view: () => import('../../views/roster/party-orgs-page.vue'), titleKey: 'menu.partyOrgs', menu: 'party-orgs' },
  { path: 'roster/party-orgs/:id(\\d+)', name: 'party-org', view: () => import('../../views/roster/party-org-page.vue'), titleKey: 'menu.partyOrgs', parents: ['menu.roster', 'menu.partyOrgs'], menu: 'party-orgs' },
  { path: 'roster/people', name: 'people', view: () => import('../../views/roster/people-page.vue'), titleKey: 'menu.people', menu: 'people' },
  { path: 'roster/people/new', name: 'person-new', view: () => import('../../views/roster/person-form-page.vue'), titleKey: 'people.createTitle', ...PEOPLE, roles: OFFICERS },
  { path: 'roster/shared-id-numbers', name: 'shared-id-numbers', view: () => import('../../views/roster/shared-id-numbers-page.vue'), titleKey: 'sharedIds.title', menu: 'shared-id-numbers', roles: ['admin'] },
  { path: 'roster/people/:id(\\d+)', name: 'person-edit', view: () => import('../../views/roster/person-form-page.vue'), titleKey: 'people.editTitle', ...PEOPLE },
]);
