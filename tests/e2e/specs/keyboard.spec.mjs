// Keyboard only (WCAG 2.1.1, 2.4.3, 2.4.7): an officer logs in, walks the side menu with Tab and
// Enter to three modules and does one task in each without the mouse — finds a person and opens
// the record (队伍名册, sorting the list by name on the way), opens a drill-down of a campaign board and closes it with Escape (考核评价),
// picks a unit for the team-structure dashboard (班子结构) — and every Tab stop on the way shows
// a focus ring of at least 2 px and 3:1 against its background (WCAG 1.4.11).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, PASSWORD, api, launch, newPage, shot } from '../lib/browser.mjs';
import { focusRing } from '../lib/a11y.mjs';

const active = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el?.tagName.toLowerCase(), id: el?.id, text: (el?.textContent ?? '').trim(), test: el?.closest('[data-test]')?.getAttribute('data-test') ?? '', href: el?.getAttribute('href') ?? '' };
  });

describe('keyboard only', () => {
  let browser;
  let page;
  const rings = [];

  /** Presses Tab (Shift+Tab when `back`) until `match(active)` holds; records each stop's focus ring. */
  async function tabTo(what, match, { back = false, limit = 120 } = {}) {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
      const now = await active(page);
      if (now.tag && now.tag !== 'body') rings.push(await focusRing(page));
      if (match(now)) return now;
    }
    throw new Error(`Tab did not reach ${what}`);
  }

  before(async () => {
    browser = await launch();
    page = await newPage(browser, { width: 1440, height: 900 });
  });
  after(async () => {
    assert.deepEqual(page?.errors ?? [], [], 'no uncaught errors in the page');
    await browser?.close();
  });

  it('logs in with the keyboard, and focus starts at the page heading', async () => {
    await page.goto(`${BASE_URL}/login`);
    await page.locator('[data-test="login-submit"]').waitFor();
    await tabTo('the user name', (a) => a.tag === 'input' && a.test !== 'locale-switch' && a.id !== '' && a.tag === 'input');
    await page.keyboard.type('admin');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.locator('[data-test="user-name"]').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'main-heading');
  });

  it('skips to the main content from the first Tab stop', async () => {
    await page.goto(`${BASE_URL}/roster/units`);
    await page.waitForFunction(() => document.activeElement?.id === 'main-heading');
    const first = await tabTo('the skip link', (a) => a.test === 'skip-link', { back: true });
    assert.equal(first.text, '跳到主要内容');
    await shot(page, '80-keyboard-skip-link');
    await page.keyboard.press('Enter');
    assert.equal((await active(page)).id, 'main-heading');
  });

  it('队伍名册 → 人员名单: finds a person by name and opens the record', async () => {
    const person = (await api(page, '/people?page=1&size=1')).items[0];
    // From the heading back up into the menu, then Enter on the link.
    await tabTo('人员名单 in the menu', (a) => a.test === 'side-menu' && a.text === '人员名单', { back: true });
    await page.keyboard.press('Enter');
    await page.waitForURL('**/roster/people');
    await page.waitForFunction(() => document.activeElement?.id === 'main-heading');
    await tabTo('the keyword field', (a) => a.test === 'filter-q');
    await page.keyboard.type(person.name);
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=/);
    const link = page.locator('[data-test="people-table"] .el-table__row a', { hasText: person.name }).first();
    await link.waitFor();
    // The name column sorts from the keyboard too.
    await tabTo('the 姓名 column header', (a) => a.tag === 'th' && a.text.startsWith('姓名'));
    await page.keyboard.press('Enter');
    await page.waitForURL(/sort=name/);
    assert.equal(await page.locator('[data-test="people-table"] th.is-sortable').first().getAttribute('aria-sort'), 'ascending');
    await link.waitFor();
    await tabTo(`the link of ${person.name}`, (a) => a.tag === 'a' && a.text === person.name && a.href.includes(`/roster/people/${person.id}`));
    await shot(page, '81-keyboard-people');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/roster/people/${person.id}`);
    await page.waitForFunction(() => document.activeElement?.id === 'main-heading');
    // The heading takes the focus as the page opens; the record's fields fill when it has loaded.
    await page
      .waitForFunction((name) => document.querySelector('input[name="name"]')?.value === name, person.name, { timeout: 10_000 })
      .catch(() => {});
    assert.equal(await page.locator('input[name="name"]').inputValue(), person.name);
  });

  it('考核评价 → 考核活动: opens a board, a drill-down, and closes it with Escape', async () => {
    await tabTo('考核活动 in the menu', (a) => a.test === 'side-menu' && a.text === '考核活动', { back: true });
    await page.keyboard.press('Enter');
    await page.waitForURL('**/evaluation');
    await page.locator('[data-test="campaign-link"]').first().waitFor();
    await tabTo('a campaign', (a) => a.test === 'campaign-link');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/evaluation\/\d+$/);
    await page.locator('[data-test="board-explain"]').first().waitFor();
    await tabTo('the first drill-down button', (a) => a.test === 'board-explain');
    await page.keyboard.press('Enter');
    const drawer = page.locator('[data-test="explanation"]');
    await drawer.waitFor();
    await page.waitForFunction(() => !!document.activeElement?.closest('.el-drawer'));
    await shot(page, '82-keyboard-explanation');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await page.waitForFunction(() => document.activeElement?.closest('[data-test]')?.getAttribute('data-test') === 'board-explain');
  });

  it('班子结构: picks a unit with the keyboard and the summary follows', async () => {
    const unit = (await api(page, `/units?q=${encodeURIComponent('北联村')}`)).items.find((u) => u.name === '北联村');
    const stats = await api(page, `/units/${unit.id}/stats`);
    await tabTo('班子结构 in the menu', (a) => a.test === 'side-menu' && a.text === '班子结构', { back: true });
    await page.keyboard.press('Enter');
    await page.waitForURL('**/dashboard');
    await page.locator('[data-test="dashboard-summary"]').waitFor();
    await tabTo('the unit picker', (a) => a.test === 'unit-picker');
    await page.keyboard.type('北联村');
    await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: '北联村' }).first().waitFor();
    // The select marks the first match; Enter takes it.
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`unit=${unit.id}`));
    await page.locator('[data-test="dashboard-summary"]', { hasText: `共 ${stats.count} 人` }).waitFor();
    await shot(page, '83-keyboard-dashboard');
  });

  it('shows a focus ring of >= 2 px and >= 3:1 on every Tab stop it passed', () => {
    assert.ok(rings.length > 20, `${rings.length} Tab stops`);
    const weak = rings.filter((r) => r && (r.width < 2 || r.contrast < 3));
    assert.deepEqual(weak, [], 'focus rings below 2 px or 3:1');
    const lowest = Math.min(...rings.filter(Boolean).map((r) => r.contrast));
    console.log(`focus: ${rings.length} Tab stops, lowest ring contrast ${lowest.toFixed(2)}:1`);
  });
});
