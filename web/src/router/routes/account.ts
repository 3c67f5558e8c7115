// 账号安全: every signed-in user's own sessions (and, for admin, the login throttles).
import type { RouteRecordRaw } from 'vue-router';
import { modulePages } from './pages';

export const accountRoutes: RouteRecordRaw[] = modulePages({ parents: [] }, [
  { path: 'me/security', name: 'account-security', view: () => import('../../views/account/account-security-page.vue'), titleKey: 'accountSecurity.title' },
]);
