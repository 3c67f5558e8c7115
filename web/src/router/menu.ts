// The left menu: one entry per module that exists, in the order users see them. Extension
// point — to add a module, add its routes in router/routes/<module>.ts with `meta.menu` set to
// the new key, add an entry here (menu.<key> in both locale files, an icon, the roles that may
// see it from utils/roles.ts). Never list a module before its routes exist: the menu must have
// no dead links (menu.spec.ts).
import type { Component } from 'vue';
import { Bell, Briefcase, Document, Connection, HomeFilled, ChatDotRound, Checked, EditPen, List, Memo, Monitor, Histogram, Notebook, Calendar, Collection, DataAnalysis, DataLine, Files, Flag, Guide, Medal, Microphone, Phone, Reading, OfficeBuilding, School, Star, Tickets, TrendCharts, Trophy, Upload, User, UserFilled, Stamp, WarnTriangleFilled } from '@element-plus/icons-vue';
import type { Role } from '../api/session';
import { ACCOUNT_MANAGERS, ARENA_READERS, AUDIT_READERS, CASE_READERS, EVALUATION_READERS, hasRole, OFFICERS, POINTS_APPROVERS, POINTS_EDITORS, POINTS_READERS, ROSTER_READERS, TICKET_READERS, TICKET_USERS } from '../utils/roles';

export interface MenuItem {
  key: string;
  titleKey: string;
  path?: string;
  icon: Component;
  /** Roles that see the item; undefined = every role. The server enforces scope anyway. */
  roles?: Role[];
  children?: MenuItem[];
}

export const MENU: MenuItem[] = [
  { key: 'workbench', titleKey: 'workbench.menu', path: '/workbench', icon: HomeFilled },
  {
    key: 'roster',
    titleKey: 'menu.roster',
    icon: Files,
    roles: ROSTER_READERS,
    children: [
      { key: 'units', titleKey: 'menu.units', path: '/roster/units', icon: OfficeBuilding, roles: ROSTER_READERS },
      { key: 'party-orgs', titleKey: 'menu.partyOrgs', path: '/roster/party-orgs', icon: Flag, roles: ROSTER_READERS },
      { key: 'people', titleKey: 'menu.people', path: '/roster/people', icon: User, roles: ROSTER_READERS },
      { key: 'shared-id-numbers', titleKey: 'sharedIds.menu', path: '/roster/shared-id-numbers', icon: Connection, roles: ['admin'] },
    ],
  },
  { key: 'dashboard', titleKey: 'menu.dashboard', path: '/dashboard', icon: DataAnalysis, roles: ROSTER_READERS },
  {
    key: 'evaluation',
    titleKey: 'menu.evaluation',
    icon: Trophy,
    roles: EVALUATION_READERS,
    children: [
      { key: 'campaigns', titleKey: 'menu.campaigns', path: '/evaluation', icon: Flag, roles: EVALUATION_READERS },
      { key: 'metrics', titleKey: 'menu.metrics', path: '/evaluation/metrics', icon: DataLine, roles: OFFICERS },
    ],
  },
  { key: 'arena', titleKey: 'arena.title', path: '/arena', icon: Microphone, roles: ARENA_READERS },
  { key: 'honours', titleKey: 'honours.menu', path: '/honours', icon: Reading, roles: ROSTER_READERS },
  { key: 'decisions', titleKey: 'personnel.menu', path: '/personnel/decisions', icon: Stamp, roles: OFFICERS },
  { key: 'tangping', titleKey: 'tangping.menu', path: '/tangping', icon: WarnTriangleFilled, roles: OFFICERS },
  {
    key: 'points',
    titleKey: 'menu.points',
    icon: Medal,
    roles: POINTS_READERS,
    children: [
      { key: 'points-me', titleKey: 'points.myPoints', path: '/points/me', icon: Star, roles: ['member'] },
      { key: 'points-approvals', titleKey: 'points.approvals', path: '/points/approvals', icon: Checked, roles: POINTS_APPROVERS },
      { key: 'points-leaderboard', titleKey: 'points.leaderboard', path: '/points/leaderboard', icon: Trophy, roles: POINTS_READERS },
      { key: 'points-publicity', titleKey: 'points.publicity', path: '/points/publicity', icon: Bell, roles: POINTS_READERS },
      { key: 'points-rules', titleKey: 'points.rules', path: '/points/rules', icon: Tickets, roles: POINTS_EDITORS },
    ],
  },
  {
    key: 'tickets',
    titleKey: 'tickets.menu',
    icon: Checked,
    roles: TICKET_USERS,
    children: [
      { key: 'tickets-mine', titleKey: 'tickets.mine', path: '/tickets/mine', icon: List, roles: TICKET_USERS },
      { key: 'tickets-capture', titleKey: 'tickets.capture', path: '/tickets/new', icon: EditPen, roles: TICKET_USERS },
      { key: 'tickets-meetings', titleKey: 'tickets.meetings', path: '/tickets/meetings', icon: Calendar, roles: TICKET_READERS },
      { key: 'tickets-deliberations', titleKey: 'tickets.deliberations', path: '/tickets/deliberations', icon: ChatDotRound, roles: TICKET_READERS },
      { key: 'tickets-ledger', titleKey: 'tickets.ledger', path: '/tickets/ledger', icon: Document, roles: OFFICERS },
      { key: 'tickets-board', titleKey: 'tickets.board', path: '/tickets/board', icon: Monitor, roles: OFFICERS },
      { key: 'tickets-hotline', titleKey: 'tickets.hotlineImport', path: '/tickets/hotline', icon: Phone, roles: OFFICERS },
      { key: 'tickets-stats', titleKey: 'tickets.stats', path: '/tickets/stats', icon: Histogram, roles: TICKET_READERS },
      { key: 'tickets-notifications', titleKey: 'tickets.notifications', path: '/notifications', icon: Bell, roles: TICKET_USERS },
    ],
  },
  { key: 'projects', titleKey: 'projects.menu', path: '/projects', icon: Briefcase, roles: TICKET_USERS },
  {
    key: 'training',
    titleKey: 'menu.training',
    icon: School,
    roles: OFFICERS,
    children: [
      { key: 'training-pools', titleKey: 'training.pools', path: '/training/pools', icon: Collection, roles: OFFICERS },
      { key: 'training-programs', titleKey: 'training.programs', path: '/training/programs', icon: Guide, roles: OFFICERS },
      { key: 'training-ladder', titleKey: 'training.ladder.title', path: '/training/ladder', icon: TrendCharts, roles: OFFICERS },
    ],
  },
  { key: 'cases', titleKey: 'cases.menu', path: '/cases', icon: Memo, roles: CASE_READERS },
  { key: 'exchange', titleKey: 'menu.exchange', path: '/exchange', icon: Upload, roles: OFFICERS },
  { key: 'accounts', titleKey: 'accounts.menu', path: '/accounts', icon: UserFilled, roles: ACCOUNT_MANAGERS },
  { key: 'audit', titleKey: 'audit.menu', path: '/audit', icon: Notebook, roles: AUDIT_READERS },
];

export function visibleMenu(role: Role | null, items: MenuItem[] = MENU): MenuItem[] {
  if (!role) return [];
  const out: MenuItem[] = [];
  for (const item of items) {
    if (item.roles && !hasRole(role, item.roles)) continue;
    if (item.children) {
      const children = visibleMenu(role, item.children);
      if (children.length) out.push({ ...item, children });
    } else {
      out.push(item);
    }
  }
  return out;
}

/** First page a role can open (the landing page after login). */
export function firstPath(role: Role | null): string {
  const walk = (items: MenuItem[]): string | undefined => {
    for (const item of items) {
      if (item.path) return item.path;
      const nested = item.children && walk(item.children);
      if (nested) return nested;
    }
    return undefined;
  };
  return walk(visibleMenu(role)) ?? '/home';
}
