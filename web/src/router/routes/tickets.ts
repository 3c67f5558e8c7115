// 交办督办: my tasks, quick capture (phone), ticket detail, meetings and their items, 议事堂
// records, the ledger (交办台账), the supervision board, statistics and the notification centre.
import type { RouteRecordRaw } from 'vue-router';
import { OFFICERS, TICKET_READERS, TICKET_USERS } from '../../utils/roles';
import { modulePages } from './pages';

export const ticketsRoutes: RouteRecordRaw[] = modulePages({ parents: ['tickets.menu'], roles: TICKET_USERS }, [
  { path: 'tickets/mine', name: 'tickets-mine', view: () => import('../../views/tickets/my-tasks-page.vue'), titleKey: 'tickets.mine', menu: 'tickets-mine' },
  { path: 'tickets/new', name: 'tickets-capture', view: () => import('../../views/tickets/quick-capture-page.vue'), titleKey: 'tickets.capture', menu: 'tickets-capture' },
  { path: 'tickets/:id(\\d+)', name: 'ticket-detail', view: () => import('../../views/tickets/ticket-detail-page.vue'), titleKey: 'tickets.detail', menu: 'tickets-mine' },
  { path: 'tickets/meetings', name: 'tickets-meetings', view: () => import('../../views/tickets/meetings-page.vue'), titleKey: 'tickets.meetings', menu: 'tickets-meetings', roles: TICKET_READERS },
  { path: 'tickets/meetings/:id(\\d+)', name: 'tickets-meeting', view: () => import('../../views/tickets/meeting-detail-page.vue'), titleKey: 'tickets.meeting', menu: 'tickets-meetings', roles: TICKET_READERS },
  { path: 'tickets/deliberations', name: 'tickets-deliberations', view: () => import('../../views/tickets/deliberations-page.vue'), titleKey: 'tickets.deliberations', menu: 'tickets-deliberations', roles: TICKET_READERS },
  { path: 'tickets/ledger', name: 'tickets-ledger', view: () => import('../../views/tickets/ledger-page.vue'), titleKey: 'tickets.ledger', menu: 'tickets-ledger', roles: OFFICERS },
  { path: 'tickets/board', name: 'tickets-board', view: () => import('../../views/tickets/board-page.vue'), titleKey: 'tickets.board', menu: 'tickets-board', roles: OFFICERS },
  { path: 'tickets/hotline', name: 'tickets-hotline', view: () => import('../../views/tickets/hotline-import-page.vue'), titleKey: 'tickets.hotlineImport', menu: 'tickets-hotline', roles: OFFICERS },
  { path: 'tickets/stats', name: 'tickets-stats', view: () => import('../../views/tickets/stats-page.vue'), titleKey: 'tickets.stats', menu: 'tickets-stats', roles: TICKET_READERS },
  { path: 'notifications', name: 'notifications', view: () => import('../../views/tickets/notifications-page.vue'), titleKey: 'tickets.notifications', menu: 'tickets-notifications' },
]);
