// 账号管理 the accounts page (docs/api.md "Accounts") and the caller's own password change.
import { download, http, type Query } from './http';
import type { Identity, Role, User } from './session';

export type AccountState = 'active' | 'disabled' | 'must_change' | 'never_logged_in';

export interface Account extends Identity {
  active: boolean;
  must_change_password: boolean;
  /** Unix seconds of the last login; 0 = never. */
  last_login_at: number;
  created_at: string;
  /** False for the caller's own account (listed, not changeable here). */
  manageable: boolean;
  /** Only in the answer that issued it (create, reset): shown once. */
  temporary_password?: string;
}

export interface AccountPage {
  items: Account[];
  total: number;
  disabled: number;
  must_change: number;
}

export interface AccountFilter {
  q?: string;
  role?: Role | '';
  state?: AccountState | '';
  unit?: number | null;
  offset?: number;
  limit?: number;
}

export interface NewAccount {
  username: string;
  display_name: string;
  role: Role;
  scope_unit_id: number;
  password?: string;
}

export const accountsApi = {
  list: (filter: AccountFilter = {}) => http.get<AccountPage>('/accounts', filter as Query),
  /** 账号清单: every account of the filters (offset and limit are not sent), as a workbook. */
  exportXlsx: ({ offset: _offset, limit: _limit, ...filter }: AccountFilter = {}) => download('/accounts.xlsx', filter as Query, '账号清单.xlsx'),
  create: (body: NewAccount) => http.post<Account>('/accounts', body, { quiet: true }),
  update: (id: number, body: { display_name?: string; role?: Role; scope_unit_id?: number }) =>
    http.patch<Account>(`/accounts/${id}`, body, { quiet: true }),
  resetPassword: (id: number, password = '') => http.post<Account>(`/accounts/${id}/password`, password ? { password } : {}, { quiet: true }),
  disable: (id: number) => http.post<Account>(`/accounts/${id}/disable`),
  enable: (id: number) => http.post<Account>(`/accounts/${id}/enable`),
  changeMyPassword: (current_password: string, new_password: string) =>
    http.post<{ user: User; csrf_token: string }>('/me/password', { current_password, new_password }, { quiet: true }),
};
