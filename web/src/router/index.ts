import { createRouter, createWebHistory, type Router } from 'vue-router';
import type { Pinia } from 'pinia';
import { routes } from './routes';
import { firstPath } from './modules';
import { useSessionStore } from '../stores/session';
import { t } from '../i18n';

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
    if (to.name === 'root' || to.name === 'home') {
      const landing = firstPath(session.role);
      if (to.name === 'root' || landing !== '/home') return landing === to.path ? true : landing;
    }
    if (to.meta.roles && session.role && !to.meta.roles.includes(session.role)) {
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
