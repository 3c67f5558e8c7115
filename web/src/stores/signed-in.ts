// For the specs (never imported by the app): a session store whose user has signed in.
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import type { Role } from '../api/session';
import { useSessionStore } from './session';

/**
 * A new active pinia whose session is `username` (account 3, `role`, scope unit 10 named
 * `scopeName`) with CSRF token "csrf-1", already checked with the server. Mount with it as a plugin.
 */
export function signedIn(username: string, role: Role, scopeName: string): Pinia {
  const pinia = createPinia();
  setActivePinia(pinia);
  const session = useSessionStore();
  session.setUser({ id: 3, username, display_name: scopeName, role, scope_unit_id: 10, scope_unit_name: scopeName }, 'csrf-1');
  session.checked = true;
  return pinia;
}
