// The router: the route modules of routes/ assembled under the admin shell, and the guard
// (session restore, login redirect, role check, document title). A new module adds
// routes/<module>.ts and one line below; its menu entry goes into menu.ts.
import { createRouter, createWebHistory, type RouteRecordRaw, type Router } from 'vue-router';
import type { Pinia } from 'pinia';
import type { Role } from '../api/session';
import { firstPath } from './menu';
import { sessionRoutes } from './routes/session';
import { rosterRoutes } from './routes/roster';
import { dashboardRoutes } from './routes/dashboard';
import { exchangeRoutes } from './routes/exchange';
import { evaluationRoutes } from './routes/evaluation';
import { indicatorsRoutes } from './routes/indicators';
import { pointsRoutes } from './routes/points';
import { trainingRoutes } from './routes/training';
import { arenaRoutes, arenaStandaloneRoutes } from './routes/arena';
import { honoursRoutes } from './routes/honours';
import { personnelRoutes } from './routes/personnel';
import { accountRoutes } from './routes/account';
import { projectsRoutes } from './routes/projects';
import { ticketsRoutes } from './routes/tickets';
import { accountsRoutes, passwordRoutes } from './routes/accounts';
import { auditRoutes } from './routes/audit';
import { casesRoutes } from './routes/cases';
import { workbenchRoutes } from './routes/workbench';
import { useSessionStore } from '../stores/session';
import { hasRole } from '../utils/roles';
import { t } from '../i18n';

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

// Every page is a lazily loaded chunk; the login route loads only the shell and the login form.
export const routes: RouteRecordRaw[] = [
  ...sessionRoutes,
  ...passwordRoutes,
  ...arenaStandaloneRoutes,
  {
    path: '/',
    component: () => import('../layouts/admin-layout.vue'),
    children: [
      { path: '', name: 'root', redirect: '/home' },
      { path: 'home', name: 'home', component: () => import('../views/home/home-page.vue'), meta: { titleKey: 'app.home' } },
      ...workbenchRoutes,
      ...rosterRoutes,
      ...dashboardRoutes,
      ...exchangeRoutes,
      ...evaluationRoutes,
      ...indicatorsRoutes,
      ...pointsRoutes,
      ...trainingRoutes,
      ...arenaRoutes,
      ...honoursRoutes,
      ...personnelRoutes,
      ...accountRoutes,
      ...ticketsRoutes,
      ...projectsRoutes,
      ...casesRoutes,
      ...accountsRoutes,
      ...auditRoutes,
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('../views/errors/not-found-page.vue'),
        meta: { titleKey: 'errors.pageNotFound' },
      },
    ],
  },
];

export function setupRouter(pinia: Pinia): Router {
  const router = createRouter({ history: createWebHistory('/'), routes });

  router.beforeEach(async (to) => {
    const session = useSessionStore(pinia);
    if (to.meta.public) {
      if (to.name === 'login' && (await session.restore())) return firstPath(session.role);
      return true;
    }
    if (!(await session.restore())) {
      return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} };
    }
    // An issued password (new account, reset) is changed before anything else opens.
    if (session.user?.must_change_password) return to.name === 'change-password' ? true : { name: 'change-password' };
    if (to.name === 'root' || to.name === 'home') {
      const landing = firstPath(session.role);
      if (to.name === 'root' || landing !== '/home') return landing === to.path ? true : landing;
    }
    if (to.meta.roles && session.role && !hasRole(session.role, to.meta.roles)) {
      return { name: 'not-found', params: { pathMatch: to.path.substring(1).split('/') } };
    }
    return true;
  });

  router.afterEach((to) => {
    const title = to.meta.titleKey ? t(to.meta.titleKey) : '';
    document.title = title ? `${title} - ${t('app.name')}` : t('app.name');
  });

  return router;
}
