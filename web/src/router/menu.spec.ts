import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { firstPath, MENU, visibleMenu, type MenuItem } from './menu';
import { routes } from './index';

const paths = (items: MenuItem[]): string[] => items.flatMap((i) => (i.children ? paths(i.children) : [i.path!]));

describe('menu', () => {
  it('has no dead links: every entry resolves to a real page', () => {
    const router = createRouter({ history: createMemoryHistory(), routes });
    for (const path of paths(MENU)) {
      const resolved = router.resolve(path);
      expect(resolved.name, path).not.toBe('not-found');
      expect(resolved.matched.length, path).toBeGreaterThan(0);
    }
  });

  it('shows officers every module and hides import/export from secretaries', () => {
    expect(paths(visibleMenu('town'))).toEqual(['/workbench', '/roster/units', '/roster/party-orgs', '/roster/people', '/dashboard', '/evaluation', '/evaluation/metrics', '/arena', '/honours', '/personnel/decisions', '/tangping', '/points/approvals', '/points/leaderboard', '/points/publicity', '/tickets/mine', '/tickets/new', '/tickets/meetings', '/tickets/deliberations', '/tickets/ledger', '/tickets/board', '/tickets/hotline', '/tickets/stats', '/notifications', '/projects', '/training/pools', '/training/programs', '/training/ladder', '/cases', '/exchange', '/accounts']);
    expect(paths(visibleMenu('secretary'))).toEqual(['/workbench', '/roster/units', '/roster/party-orgs', '/roster/people', '/dashboard', '/evaluation', '/honours', '/points/approvals', '/points/leaderboard', '/points/publicity', '/tickets/mine', '/tickets/new', '/tickets/meetings', '/tickets/deliberations', '/tickets/stats', '/notifications', '/projects', '/cases']);
    expect(paths(visibleMenu('judge'))).toEqual(['/workbench', '/evaluation', '/arena']);
    expect(paths(visibleMenu('member'))).toEqual(['/workbench', '/points/me', '/points/leaderboard', '/points/publicity', '/tickets/mine', '/tickets/new', '/notifications', '/projects']);
    expect(visibleMenu(null)).toEqual([]);
  });

  it('lists the audit log for admin only, after the accounts', () => {
    expect(paths(visibleMenu('admin')).slice(-2)).toEqual(['/accounts', '/audit']);
    for (const role of ['county', 'town', 'secretary', 'judge', 'member'] as const) expect(paths(visibleMenu(role)), role).not.toContain('/audit');
  });

  it('lists the case library for officers and secretaries, after the training entries; not for judges or members', () => {
    for (const role of ['admin', 'county', 'town'] as const) {
      const list = paths(visibleMenu(role));
      expect(list.indexOf('/cases'), role).toBe(list.indexOf('/training/ladder') + 1);
    }
    expect(paths(visibleMenu('secretary')).slice(-2)).toEqual(['/projects', '/cases']);
    for (const role of ['judge', 'member'] as const) expect(paths(visibleMenu(role)), role).not.toContain('/cases');
  });

  it('lands every role on its workbench', () => {
    for (const role of ['admin', 'county', 'town', 'secretary', 'judge', 'member'] as const) expect(firstPath(role)).toBe('/workbench');
  });
});
