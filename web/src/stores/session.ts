import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { setCsrfToken } from '../api/http';
import { sessionApi, type Role, type User } from '../api/session';

/** Roles that use the app on a phone; the layout collapses the menu for them. */
export const MOBILE_ROLES: Role[] = ['secretary', 'member'];

export const useSessionStore = defineStore('session', () => {
  const user = ref<User | null>(null);
  /** True once /me was asked (so a reload with a live cookie keeps the session). */
  const checked = ref(false);

  const loggedIn = computed(() => user.value !== null);
  const role = computed<Role | null>(() => user.value?.role ?? null);

  function setUser(next: User | null, csrf?: string): void {
    user.value = next;
    setCsrfToken(csrf ?? next?.csrf_token ?? '');
  }

  async function login(username: string, password: string): Promise<User> {
    const result = await sessionApi.login(username, password);
    setUser(result.user, result.csrf_token ?? result.user.csrf_token);
    checked.value = true;
    return result.user;
  }

  /** Restores the session from the cookie; false when there is none. Never throws. */
  async function restore(): Promise<boolean> {
    if (checked.value) return loggedIn.value;
    try {
      setUser(await sessionApi.me());
    } catch {
      setUser(null);
    }
    checked.value = true;
    return loggedIn.value;
  }

  async function logout(): Promise<void> {
    try {
      await sessionApi.logout();
    } catch {
      // already expired: nothing to end on the server
    }
    clear();
  }

  /** Forget the session locally (after a 401). */
  function clear(): void {
    setUser(null);
    checked.value = true;
  }

  return { user, checked, loggedIn, role, login, restore, logout, clear, setUser };
});
