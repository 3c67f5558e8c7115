// 擂台赛: the contest list, the host console and the results inside the shell; the big screen and
// the judge's phone page stand alone (public: the hall's screen and a judge's link need no login —
// the server decides what each may see).
import type { RouteRecordRaw } from 'vue-router';
import { ARENA_READERS, OFFICERS } from '../../utils/roles';
import { modulePages } from './pages';

export const arenaRoutes: RouteRecordRaw[] = modulePages({ parents: ['arena.title'], menu: 'arena', roles: ARENA_READERS }, [
  { path: 'arena', name: 'arena', view: () => import('../../views/arena/contests-page.vue'), titleKey: 'arena.contests', parents: [] },
  { path: 'arena/new', name: 'arena-new', view: () => import('../../views/arena/contest-new-page.vue'), titleKey: 'arena.form.title', roles: OFFICERS },
  { path: 'arena/:id(\\d+)/host', name: 'arena-host', view: () => import('../../views/arena/host-console-page.vue'), titleKey: 'arena.console', roles: OFFICERS },
  { path: 'arena/:id(\\d+)/results', name: 'arena-results', view: () => import('../../views/arena/results-page.vue'), titleKey: 'arena.results' },
]);

export const arenaStandaloneRoutes: RouteRecordRaw[] = modulePages({ public: true }, [
  { path: '/arena/:id(\\d+)/screen', name: 'arena-screen', view: () => import('../../views/arena/big-screen-page.vue'), titleKey: 'arena.screen' },
  { path: '/arena/:id(\\d+)/judge', name: 'arena-judge', view: () => import('../../views/arena/judge-page.vue'), titleKey: 'arena.judgeTitle' },
]);
