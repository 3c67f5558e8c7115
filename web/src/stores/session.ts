import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { setCsrfToken } from '../api/http';
import { sessionApi, type Role, type User } from '../api/session';
import { rosterApi } from '../api/roster';

export const useSessionStore = defineStore('session', () => {
  const user = ref<User | null>(null);
  /** True once /me was asked (so a reload with a live cookie keeps the session). */
  const checked = ref(false);

  let rootCache: Promise<number | null> | null = null;
  const loggedIn = computed(() => user.value !== null);
  const role = computed<Role | null>(() => user.value?.role ?? null);

  function setUser(next: User | null, csrf?: string): void {
    user.value = next;
    rootCache = null;
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

  /**
   * The unit that pages open by default: the user's scope unit, or — for a deployment-wide
   * scope (admin, scope_unit_id 0) — the first scope root from GET /units.
   */
  function defaultUnitId(): Promise<number | null> {
    if (user.value?.scope_unit_id) return Promise.resolve(user.value.scope_unit_id);
    rootCache ??= rosterApi
      .scopeRoots()
      .then((page) => page.items?.[0]?.id ?? null)
      .catch(() => {
        rootCache = null;
        return null;
      });
    return rootCache;
  }

  /** Forget the session locally (after a 401). */
  function clear(): void {
    setUser(null);
    checked.value = true;
  }

  return { user, checked, loggedIn, role, login, restore, logout, clear, setUser, defaultUnitId };
});
