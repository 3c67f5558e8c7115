// Which roles see which modules, pages and buttons: the one place the web app groups roles.
// The server checks role and scope on every request anyway; these groups only keep the menu,
// the route guard and the pages' edit buttons in step. When adding a role, also add it to `Role`
// in api/session.ts and `roles.<role>` in both locales/<lang>/session.json.
import type { Role } from '../api/session';

/** The organization departments (city, county) and the town Party committees. */
export const OFFICERS: Role[] = ['admin', 'county', 'town'];
/** Roster, units and the team-structure dashboard: officers and village/community secretaries. */
export const ROSTER_READERS: Role[] = [...OFFICERS, 'secretary'];
/** Campaign boards: officers, secretaries (their county's board) and judges (drafts they score). */
export const EVALUATION_READERS: Role[] = [...OFFICERS, 'secretary', 'judge'];
/** Arena contests (擂台赛): officers host them; judge accounts see the contests where they hold a seat. */
export const ARENA_READERS: Role[] = [...OFFICERS, 'judge'];
/** Points: branch secretaries and officers approve. */
export const POINTS_APPROVERS: Role[] = [...OFFICERS, 'secretary'];
/** Points boards: everyone who approves, and members (who also see their own points). */
export const POINTS_READERS: Role[] = [...POINTS_APPROVERS, 'member'];
/** The rules catalog and periods are kept by the city and county organization departments. */
export const POINTS_EDITORS: Role[] = ['admin', 'county'];

/** 交办督办: everyone but judges raises items and sees their own tasks (members: what they raised). */
export const TICKET_USERS: Role[] = [...OFFICERS, 'secretary', 'member'];
/** Meetings, 议事堂 records and the statistics: officers and secretaries. */
export const TICKET_READERS: Role[] = [...OFFICERS, 'secretary'];
/** 账号管理: admin for every account, county and town for the roles below their own in their scope. */
export const ACCOUNT_MANAGERS: Role[] = OFFICERS;
/** 案例库 (他山之石): the imported articles are read and searched by officers and secretaries. */
export const CASE_READERS: Role[] = [...OFFICERS, 'secretary'];
/** Importing, editing and deleting cases: the officers (the server also checks each case's scope). */
export const CASE_EDITORS: Role[] = OFFICERS;
/** 审计日志: the deployment's append-only change log, read by admin only (the server answers 403 to others). */
export const AUDIT_READERS: Role[] = ['admin'];
const ALL_ROLES: Role[] = ['admin', 'county', 'town', 'secretary', 'judge', 'member'];

/** The roles `role` may give an account (the server checks the same rule: core/auth MayManageAccountOf). */
export function grantableRoles(role: Role | null | undefined): Role[] {
  if (role === 'admin') return ALL_ROLES;
  if (!role || !OFFICERS.includes(role)) return [];
  return ALL_ROLES.slice(ALL_ROLES.indexOf(role) + 1);
}

/** True for an officer (admin, county, town): they create and edit in every module. */
export function isOfficer(role: Role | null | undefined): boolean {
  return hasRole(role, OFFICERS);
}

/** True when `role` is one of `roles`; no role (signed out) never is. */
export function hasRole(role: Role | null | undefined, roles: readonly Role[]): boolean {
  return !!role && roles.includes(role);
}
