// 账号管理 (officers) and 修改密码 (everyone; the only page of an account on an issued password).
import type { RouteRecordRaw } from 'vue-router';
import { ACCOUNT_MANAGERS } from '../../utils/roles';
import { modulePages } from './pages';

export const accountsRoutes: RouteRecordRaw[] = modulePages({ parents: [], menu: 'accounts', roles: ACCOUNT_MANAGERS }, [
  { path: 'accounts', name: 'accounts', view: () => import('../../views/accounts/accounts-page.vue'), titleKey: 'accounts.menu' },
]);

/** Outside the admin shell, like the login page: it loads nothing the account may not open yet. */
export const passwordRoutes: RouteRecordRaw[] = modulePages({}, [
  { path: '/password', name: 'change-password', view: () => import('../../views/session/change-password-page.vue'), titleKey: 'password.title' },
]);
