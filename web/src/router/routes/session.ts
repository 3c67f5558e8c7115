// 登录: the only public page. It loads the login form alone, without the admin shell.
import type { RouteRecordRaw } from 'vue-router';

export const sessionRoutes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('../../views/session/login-page.vue'),
    meta: { public: true, titleKey: 'login.title' },
  },
];
