// admin: log in, browse the region tree down to 北联村, search, people list, dashboard, expiry.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, api, launch, login, newPage, shot, timing, clickToRender } from '../lib/browser.mjs';

describe('admin browses the roster', () => {
  let browser;
  let page;
  let beilian;

  before(async () => {
    browser = await launch();
    page = await newPage(browser);
  });
  after(async () => {
    assert.deepEqual(page?.errors ?? [], [], 'no uncaught errors in the page');
    await browser?.close();
  });

  it('logs in as admin and shows user, role and scope in the top bar', async () => {
    const me = await login(page, 'admin', { screenshot: '01-login' });
    assert.equal(me.role, 'admin');
    const bar = await page.locator('[data-test="user-info"]').innerText();
    assert.ok(bar.includes(me.scope_unit_name), `top bar shows the scope unit: ${bar}`);
    assert.ok(bar.includes('系统管理员'), 'top bar shows the role in Chinese');
    const menu = await page.locator('[data-test="side-menu"]').innerText();
    for (const item of ['队伍名册', '班子结构', '导入导出']) assert.ok(menu.includes(item), `menu has ${item}`);
  });

  it('browses the lazy region tree down to 北联村', async () => {
    const found = await api(page, `/units?q=${encodeURIComponent('北联村')}`);
    assert.ok(found.items.length > 0, 'the demo has 北联村');
    beilian = found.items.find((u) => u.name === '北联村') ?? found.items[0];
    const detail = await api(page, `/units/${beilian.id}`);
    await page.goto(`${BASE_URL}/roster/units`);
    const tree = page.locator('[data-test="region-tree"] .el-tree');
    // Expand each ancestor by clicking its expand arrow; children load on demand.
    for (const ancestor of detail.ancestors) {
      const node = tree.locator(`.el-tree-node:has(> .el-tree-node__content [data-unit-id="${ancestor.id}"])`).first();
      await node.waitFor();
      if ((await node.getAttribute('aria-expanded')) !== 'true') {
        await node.locator('> .el-tree-node__content .el-tree-node__expand-icon').click();
      }
      await node.locator('.el-tree-node__children [data-unit-id]').first().waitFor();
    }
    await tree.locator(`[data-unit-id="${beilian.id}"]`).waitFor();
    const ms = await clickToRender(
      page,
      `[data-test="region-tree"] [data-unit-id="${beilian.id}"]`,
      `location.pathname.endsWith('/${beilian.id}') && document.querySelector('[data-test="unit-name"]')?.textContent.includes('北联村')`,
    );
    timing('tree click → unit page rendered (first)', ms);
    await page.waitForURL(`**/roster/units/${beilian.id}`);
    // Warm clicks: a sibling and back (code paths compiled, chunks cached).
    const parentId = detail.ancestors[detail.ancestors.length - 1].id;
    const siblings = (await api(page, `/units?parent=${parentId}&size=5`)).items.filter((u) => u.id !== beilian.id);
    if (siblings.length) {
      const sibling = siblings[0];
      const done = (id, name) => `location.pathname.endsWith('/${id}') && document.querySelector('[data-test="unit-name"]')?.textContent.includes(${JSON.stringify(name)})`;
      const there = await clickToRender(page, `[data-test="region-tree"] [data-unit-id="${sibling.id}"]`, done(sibling.id, sibling.name));
      const back = await clickToRender(page, `[data-test="region-tree"] [data-unit-id="${beilian.id}"]`, done(beilian.id, '北联村'));
      timing('tree click → unit page rendered (warm)', Math.max(there, back));
    }
    const text = await page.locator('[data-test="unit-detail"]').innerText();
    for (const section of ['基本情况', '党组织', '现任班子', '村集体经营性收入']) assert.ok(text.includes(section), `unit page has ${section}`);
    await shot(page, '02-unit-beilian');
  });

  it('finds a unit by name and by division code', async () => {
    await page.locator('input[data-test="unit-search"]').fill('北联');
    await page.locator('[data-test="unit-search-results"] .result', { hasText: '北联村' }).first().waitFor();
    await shot(page, '03-unit-search');
    await page.locator('input[data-test="unit-search"]').fill(beilian.code);
    await page.locator('[data-test="unit-search-results"] .result', { hasText: '北联村' }).first().click();
    await page.waitForURL(`**/roster/units/${beilian.id}`);
    await page.locator('input[data-test="unit-search"]').fill('');
  });

  it('lists people with filters, server-side paging and sorting', async () => {
    await page.goto(`${BASE_URL}/roster/people?unit=${beilian.id}`);
    await page.locator('[data-test="people-table"] .el-table__row').first().waitFor();
    const total = (await api(page, `/people?unit=${beilian.id}&page=1&size=1`)).total;
    assert.ok((await page.locator('.el-pagination__total').innerText()).includes(String(total)));
    const sortMs = await clickToRender(
      page,
      '[data-test="people-table"] th.is-sortable .sort-caret.ascending',
      `location.search.includes('sort=name') && document.querySelector('[data-test="people-table"]').dataset.loading === 'false'`,
    );
    timing('people sort click → list re-rendered', sortMs);
    await page.waitForURL(/sort=name/);
    const names = await page.locator('[data-test="people-table"] .el-table__row td:first-child a').allInnerTexts();
    assert.ok(names.length > 0);
    // The table shows the server's first page in name order, and that order is the roster
    // index's: by name in code point order (ties by id).
    const sorted = (await api(page, `/people?unit=${beilian.id}&subtree=1&sort=name&page=1&size=20`)).items.map((p) => p.name);
    assert.deepEqual(names, sorted);
    for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i - 1] <= sorted[i], `${sorted[i - 1]} before ${sorted[i]}`);
    await shot(page, '04-people');
    await page.goto(`${BASE_URL}/roster/people?unit=${beilian.id}&education=bachelor`);
    await page.locator('[data-test="people-table"]').waitFor();
    const rows = await page.locator('[data-test="people-table"] .el-table__row').allInnerTexts();
    for (const row of rows) assert.ok(row.includes('本科'), `row matches the education filter: ${row}`);
  });

  it('opens a person form and shows the server field error on the right item', async () => {
    await page.goto(`${BASE_URL}/roster/people/new?unit=${beilian.id}`);
    await page.locator('[data-test="person-save"]').click();
    await page.locator('.el-form-item__error', { hasText: '请输入姓名' }).waitFor();
    await shot(page, '05-person-form');
  });

  it('shows the team structure dashboard with charts and the summary line', async () => {
    await page.goto(`${BASE_URL}/dashboard`);
    const summary = page.locator('[data-test="dashboard-summary"]');
    await summary.waitFor();
    assert.match(await summary.innerText(), /^共 [\d,]+ 人，平均年龄 \d+ 岁，大专及以上学历占 \d+%$/);
    await page.locator('[data-test="chart-pyramid"] canvas').waitFor();
    await page.locator('[data-test="chart-education"] canvas').waitFor();
    await page.locator('[data-test="chart-secretary"] canvas').waitFor();
    await shot(page, '06-dashboard');
  });

  it('switches to English and back', async () => {
    await page.locator('[data-test="locale-switch"]').click();
    await page.locator('[data-test="locale-en"]').click();
    await page.locator('[data-test="side-menu"]', { hasText: 'Roster' }).waitFor();
    // Every menu entry reads whole in English too (the longest, 12345 hotline import, under an open 交办督办).
    const cut = await page.evaluate(() =>
      [...document.querySelectorAll('[data-test="side-menu"] .nav-text')].filter((e) => e.scrollWidth > e.clientWidth).map((e) => e.textContent.trim()),
    );
    assert.deepEqual(cut, [], 'menu entries cut short in English');
    await shot(page, '07-dashboard-en');
    await page.locator('[data-test="locale-switch"]').click();
    await page.locator('[data-test="locale-zh"]').click();
    await page.locator('[data-test="side-menu"]', { hasText: '队伍名册' }).waitFor();
  });

  it('sends the user back to the login page when the session expires', async () => {
    await page.context().clearCookies();
    await page.locator('[data-test="side-menu"] a', { hasText: '人员名单' }).click();
    await page.waitForURL(/\/login\?redirect=/);
    await page.locator('[data-test="login-submit"]').waitFor();
  });
});
