// 项目: the project list (filters, claim button) and a project's detail (milestones, claims, reports, timeline).
import type { RouteRecordRaw } from 'vue-router';
import { TICKET_USERS } from '../../utils/roles';
import { modulePages } from './pages';

export const projectsRoutes: RouteRecordRaw[] = modulePages({ parents: ['projects.menu'], roles: TICKET_USERS }, [
  { path: 'projects', name: 'projects', view: () => import('../../views/projects/projects-page.vue'), titleKey: 'projects.list', menu: 'projects' },
  { path: 'projects/:id(\\d+)', name: 'project-detail', view: () => import('../../views/projects/project-detail-page.vue'), titleKey: 'projects.detail', menu: 'projects' },
]);
