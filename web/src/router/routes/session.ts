// 登录: the only public page. It loads the login form alone, without the admin shell.
import type { RouteRecordRaw } from 'vue-router';
import { modulePages } from './pages';

export const sessionRoutes: RouteRecordRaw[] = modulePages({ public: true }, [
  { path: '/login', name: 'login', view: () => import('../../views/session/login-page.vue'), titleKey: 'login.title' },
]);
