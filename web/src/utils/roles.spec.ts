import { describe, expect, it } from 'vitest';
import type { Role } from '../api/session';
import { AUDIT_READERS, CASE_EDITORS, CASE_READERS, EVALUATION_READERS, grantableRoles, hasRole, isOfficer, OFFICERS, POINTS_EDITORS, POINTS_READERS, ROSTER_READERS } from './roles';

describe('roles', () => {
  it('counts the city, county and town levels as officers, and nobody else', () => {
    const cases: [Role | null | undefined, boolean][] = [
      ['admin', true],
      ['county', true],
      ['town', true],
      ['secretary', false],
      ['judge', false],
      ['member', false],
      [null, false],
      [undefined, false],
    ];
    for (const [role, officer] of cases) expect(isOfficer(role), String(role)).toBe(officer);
  });

  it('lets every officer read every officer module', () => {
    for (const group of [ROSTER_READERS, EVALUATION_READERS, POINTS_READERS]) {
      for (const role of OFFICERS) expect(hasRole(role, group), `${role} in ${group.join(',')}`).toBe(true);
    }
  });

  it('keeps the points catalog to the city and county, and judges out of the roster', () => {
    expect(hasRole('town', POINTS_EDITORS)).toBe(false);
    expect(hasRole('county', POINTS_EDITORS)).toBe(true);
    expect(hasRole('judge', ROSTER_READERS)).toBe(false);
    expect(hasRole('judge', EVALUATION_READERS)).toBe(true);
    expect(hasRole(null, POINTS_READERS)).toBe(false);
  });

  it('lets officers give only the roles below their own, as the server does', () => {
    expect(grantableRoles('admin')).toEqual(['admin', 'county', 'town', 'secretary', 'judge', 'member']);
    expect(grantableRoles('county')).toEqual(['town', 'secretary', 'judge', 'member']);
    expect(grantableRoles('town')).toEqual(['secretary', 'judge', 'member']);
    for (const role of ['secretary', 'judge', 'member', null] as const) expect(grantableRoles(role)).toEqual([]);
  });

  it('lets only admin read the audit log', () => {
    for (const role of ['admin', 'county', 'town', 'secretary', 'judge', 'member', null] as const) expect(hasRole(role, AUDIT_READERS), String(role)).toBe(role === 'admin');
  });

  it('lets officers and secretaries read the case library, and only officers import, edit and delete', () => {
    const cases: [Role | null, boolean, boolean][] = [
      ['admin', true, true],
      ['county', true, true],
      ['town', true, true],
      ['secretary', true, false],
      ['judge', false, false],
      ['member', false, false],
      [null, false, false],
    ];
    for (const [role, reads, edits] of cases) {
      expect(hasRole(role, CASE_READERS), `${role} reads`).toBe(reads);
      expect(hasRole(role, CASE_EDITORS), `${role} edits`).toBe(edits);
    }
  });
});
