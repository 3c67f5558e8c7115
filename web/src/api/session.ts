import { http } from './http';

export type Role = 'admin' | 'county' | 'town' | 'secretary' | 'judge' | 'member';

/** Who an account is: what the session answers about its user and the accounts page lists. */
export interface Identity {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  scope_unit_id: number;
  scope_unit_name: string;
}

export interface User extends Identity {
  csrf_token?: string;
  /** An issued password (new account, reset): the user must change it before anything else. */
  must_change_password?: boolean;
}

export const sessionApi = {
  login: (username: string, password: string) =>
    http.post<{ user: User; csrf_token: string }>('/session', { username, password }, { quiet: true, noAuthRedirect: true }),
  logout: () => http.delete<void>('/session', { quiet: true, noAuthRedirect: true }),
  me: () => http.get<User>('/me', undefined, { quiet: true, noAuthRedirect: true }),
};
