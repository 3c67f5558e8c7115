// 工作台: every role's landing page (the first menu entry).
import type { RouteRecordRaw } from 'vue-router';
import { modulePages } from './pages';

export const workbenchRoutes: RouteRecordRaw[] = modulePages({ parents: [], menu: 'workbench' }, [
  { path: 'workbench', name: 'workbench', view: () => import('../../views/workbench/workbench-page.vue'), titleKey: 'workbench.menu' },
]);
