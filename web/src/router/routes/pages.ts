// The shape every module's routes file uses: one line per page (address, route name, lazily
// loaded view, title and menu key), the meta the module's pages share given once.
import type { RouteMeta, RouteRecordRaw, RouteRecordSingleView } from 'vue-router';

export interface Page extends RouteMeta {
  path: string;
  name: string;
  /** `() => import('…-page.vue')`: each page is its own chunk. */
  view: RouteRecordSingleView['component'];
}

/** The routes of one module's pages; `shared` (breadcrumb parents, roles) under each page's own meta. */
export function modulePages(shared: RouteMeta, pages: Page[]): RouteRecordRaw[] {
  return pages.map(({ path, name, view, ...meta }) => ({ path, name, component: view, meta: { ...shared, ...meta } }));
}
