// Every demo account's day (issue 14): each of the eight accounts logs in at 1440 px and at 390 px and
// finds the pages of its work (WORK) in its menu. keqiao and tangma, which the accessibility sweep does
// not visit, open every entry of their menu at desk width (with axe) and their work pages on the phone:
// each shows real records of the account's scope, not an empty state (lib/content.mjs), with no console
// error, no page error and no sideways scroll on the phone — the sweep asks the same of every menu page
// of its six roles at both widths. The county (姜堰区) finds its own 跟岗 program with a batch running today, places a waiting
// trainee from the recommendation and records a result of the finished batch. In English the header
// shows the account holder's name as entered and the role and scope translated.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, api, launch, login, newPage, serverToday, settle, shot, visit } from '../lib/browser.mjs';
import { describeBlocking, runAxe } from '../lib/a11y.mjs';
import { emptyPage, mainContent } from '../lib/content.mjs';

const ACCOUNTS = ['admin', 'county', 'town', 'secretary', 'judge', 'member', 'keqiao', 'tangma'];
// The roles the accessibility sweep visits (a11y.spec.mjs ROLES).
const SWEPT = ['admin', 'county', 'town', 'secretary', 'judge', 'member'];
const WIDTHS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
];
const CJK = /[\u4e00-\u9fff]/;
// The pages where each account's day's work is (issue 14 §1 and §3): each must show records.
const WORK = {
  admin: ['/workbench', '/roster/units', '/roster/party-orgs', '/roster/people', '/evaluation', '/honours', '/personnel/decisions', '/tangping', '/points/approvals', '/tickets/meetings', '/projects', '/training/pools', '/training/programs', '/training/ladder', '/cases', '/accounts', '/audit'],
  county: ['/workbench', '/roster/people', '/evaluation', '/evaluation/metrics', '/arena', '/honours', '/personnel/decisions', '/tangping', '/points/approvals', '/tickets/mine', '/tickets/meetings', '/tickets/deliberations', '/projects', '/training/pools', '/training/programs', '/training/ladder', '/cases'],
  town: ['/workbench', '/evaluation', '/evaluation/metrics', '/arena', '/honours', '/personnel/decisions', '/tangping', '/tickets/mine', '/tickets/meetings', '/tickets/deliberations', '/projects', '/training/pools', '/training/programs', '/training/ladder', '/cases'],
  secretary: ['/workbench', '/honours', '/points/approvals', '/tickets/mine', '/tickets/meetings', '/tickets/deliberations', '/projects', '/cases'],
  judge: ['/workbench', '/arena'],
  member: ['/workbench', '/points/me', '/tickets/mine'],
  keqiao: ['/workbench', '/arena', '/training/pools'],
  tangma: ['/workbench', '/points/approvals'],
};

/** The hrefs of the account's menu (the drawer on a phone). */
async function menuHrefs(page, phone) {
  if (!phone) return page.locator('[data-test="side-menu"] a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  await page.locator('[data-test="menu-toggle"]').click();
  const menu = page.locator('.el-drawer [data-test="side-menu"]');
  await menu.waitFor();
  const hrefs = await menu.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'hidden' });
  return hrefs;
}

describe('every demo account does its day\'s work in its own scope', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => browser?.close());

  for (const viewport of WIDTHS) {
    for (const account of ACCOUNTS) {
      it(`${account} at ${viewport.width} px: its work pages have real content`, async () => {
        const page = await newPage(browser, viewport);
        const consoleErrors = [];
        page.on('console', (msg) => {
          if (msg.type() === 'error') consoleErrors.push(`${page.url().replace(BASE_URL, '')}: ${msg.text()}`);
        });
        await login(page, account);
        consoleErrors.length = 0; // the login page's GET /me before the session is a 401 by design
        await settle(page);
        const hrefs = await menuHrefs(page, viewport.width < 768);
        assert.ok(hrefs.length > 1, `${account} has a menu`);

        const problems = [];
        for (const path of WORK[account]) if (!hrefs.includes(path)) problems.push(`${path}: not in the menu`);
        // The accessibility sweep (a11y.spec) already opens every page, tab and dialog of its six roles
        // at both widths, with axe, the content and console checks and sideways scroll on the phone:
        // here they only find their work in the menu. The two accounts the sweep does not visit walk
        // their whole menu at desk width (with axe) and their work pages on the phone.
        const swept = SWEPT.includes(account);
        const walk = swept ? [] : viewport.width < 768 ? hrefs.filter((path) => WORK[account].includes(path)) : hrefs;
        for (const path of walk) {
          await visit(page, path);
          await settle(page);
          const empty = emptyPage(await mainContent(page));
          if (empty) problems.push(`${path}: ${empty}`);
          const blocking = describeBlocking(await runAxe(page));
          if (blocking.length) problems.push(`${path}: axe\n    ${blocking.join('\n    ')}`);
          if (viewport.width < 768) {
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            if (overflow > 1) problems.push(`${path}: the page scrolls sideways by ${overflow}px`);
          }
        }
        assert.deepEqual(problems, [], `${account} at ${viewport.width} px:\n${problems.join('\n')}`);
        assert.deepEqual(page.errors, []);
        assert.deepEqual(consoleErrors, []);
        await page.context().close();
      });
    }
  }

  it('county runs 姜堰区\'s own 跟岗 batch: places a waiting trainee and records a result', async () => {
    const page = await newPage(browser, { width: 1440, height: 900 });
    await login(page, 'county');
    const programs = (await api(page, '/programs')).items;
    const mine = programs.find((p) => p.scope_unit_name === '姜堰区');
    assert.ok(mine, `the county sees a program of its own: ${programs.map((p) => p.name)}`);
    const today = serverToday();
    const detail = await api(page, `/programs/${mine.id}`);
    const running = detail.batches.find((b) => b.start_date <= today && today <= b.end_date);
    assert.ok(running, `a batch runs today (${today}): ${detail.batches.map((b) => `${b.start_date}..${b.end_date}`)}`);
    const placedBefore = detail.placements.filter((p) => p.batch_id === running.id).length;
    assert.ok(placedBefore < running.trainees.length, 'trainees wait to be placed');

    await page.goto(`${BASE_URL}/training/programs`);
    await page.locator('[data-test="program-link"]', { hasText: mine.name }).click();
    await page.locator('[data-test="program-dashboard"]').waitFor();
    // The recommendation opens on the running batch (the one with trainees to place) and places them.
    await page.getByRole('tab', { name: '智能推荐' }).click();
    const rows = page.locator('[data-test="rec-row"]');
    await rows.first().waitFor();
    assert.equal(await rows.count(), running.trainees.length - placedBefore);
    await shot(page, '69-training-county-recommendation');
    await page.locator('[data-test="place-all"]').click();
    await page.locator('.el-empty', { hasText: '本批次学员均已安排' }).waitFor();
    const after = await api(page, `/programs/${mine.id}`);
    assert.equal(after.placements.filter((p) => p.batch_id === running.id).length, running.trainees.length);

    // A result of the finished batch: the mentor's assessment of a trainee without one.
    const finished = after.batches.find((b) => b.end_date < today);
    const open = after.placements.find((p) => p.batch_id === finished.id && !p.assessment_grade);
    assert.ok(open, 'the finished batch has an assessment to record');
    await page.getByRole('tab', { name: '跟岗安排' }).click();
    const row = page.locator('[data-test="placements"] .el-table__row', { hasText: open.person_name }).first();
    await row.locator('[data-test="placement-open"]').click();
    const drawer = page.locator('[data-test="placement-drawer"]');
    await drawer.locator('[data-test="assessment-grade"]').click();
    await page.locator('.el-select-dropdown:visible .el-select-dropdown__item').filter({ hasText: /^称职$/ }).first().click();
    // Waits for the assessment's own answer (the placing's success message may still be showing).
    const saved = page.waitForResponse((r) => r.url().endsWith(`/placements/${open.id}/assessment`) && r.request().method() === 'POST');
    await drawer.locator('[data-test="assessment-save"]').click();
    assert.equal((await saved).status(), 200);
    const assessed = (await api(page, `/programs/${mine.id}`)).placements.find((p) => p.id === open.id);
    assert.equal(assessed.assessment_grade, '称职');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  it('the English header shows the holder\'s name as entered, the role and scope translated', async () => {
    const page = await newPage(browser, { width: 1440, height: 900 });
    const me = await login(page, 'admin');
    await page.locator('[data-test="locale-switch"]').click();
    await page.locator('[data-test="locale-en"]').click();
    await page.locator('[data-test="user-role"]', { hasText: /[A-Za-z]/ }).waitFor();
    assert.equal((await page.locator('[data-test="user-name"]').innerText()).trim(), me.display_name);
    assert.doesNotMatch(me.display_name, /演示|管理员|账号/, 'a name, not a description of the role');
    for (const part of ['user-role', 'user-scope']) {
      const text = (await page.locator(`[data-test="${part}"]`).innerText()).trim();
      assert.doesNotMatch(text, CJK, `${part} is translated: ${text}`);
    }
    await page.locator('[data-test="locale-switch"]').click();
    await page.locator('[data-test="locale-zh"]').click();
    await page.context().close();
  });
});
