// 党组织 (issue 14): a county officer creates a branch in a village of its county, renames it and
// dissolves it from the browser (the history stays); the unit page's 党员数 of 塘马村 equals the size
// of its points leaderboard (one register of people). Every page is checked with axe.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, api, launch, login, newPage, shot, visit } from '../lib/browser.mjs';
import { readXlsxRows, streamToBuffer } from '../lib/zip.mjs';

function watchConsole(page) {
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  return errors;
}

// The dialog's (only) date field.
async function pickDate(dialog, value) {
  const input = dialog.locator('.el-date-editor input').first();
  await input.fill(value);
  await input.press('Enter');
}

describe('party organizations in the web', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => browser?.close());

  it('a county officer creates, renames and dissolves a branch; its history stays', async () => {
    const page = await newPage(browser, { width: 1440, height: 900 });
    const consoleErrors = watchConsole(page);
    await login(page, 'county');
    consoleErrors.length = 0; // the login page's GET /me before the session is a 401 by design
    await visit(page, '/roster/party-orgs');
    await page.locator('[data-test="orgs-table"] .el-table__row').first().waitFor();
    assert.match(await page.locator('[data-test="orgs-summary"]').innerText(), /共 [1-9]\d* 个党组织/);
    await shot(page, '96-party-orgs');
    // 导出 Excel: 党组织名册, one row per organization the list shows, kinds in words.
    const listed = Number((await page.locator('[data-test="orgs-summary"]').innerText()).match(/共 (\d+) 个党组织/)[1]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="orgs-export"]').click()]);
    assert.equal(download.suggestedFilename(), '党组织名册.xlsx');
    const rows = readXlsxRows(await download.createReadStream().then(streamToBuffer));
    assert.deepEqual(rows[0].slice(0, 5), ['党组织名称', '类型', '所在单位', '上级党组织', '党员数']);
    assert.equal(rows.length, listed + 1);
    assert.ok(rows.slice(1).every((r) => ['党委', '党总支', '党支部', '党小组'].includes(r[1])));

    const name = `三里村测试${Date.now() % 10000}党支部`;
    await page.locator('[data-test="org-add"]').click();
    const dialog = page.locator('.el-dialog:visible');
    await dialog.locator('[data-test="unit-picker"]').click();
    await page.keyboard.type('三里村');
    await page.locator('.el-select-dropdown__item:visible', { hasText: '三里村' }).first().click();
    await dialog.locator('[data-test="org-name"] input, input[data-test="org-name"]').first().fill(name);
    // A future approval date is the server's to refuse: its message shows in the dialog.
    await pickDate(dialog, '2099-01-01');
    await dialog.locator('[data-test="org-save"]').click();
    await dialog.locator('[data-test="form-error"]', { hasText: '批复日期不能晚于今天' }).waitFor();
    await shot(page, '97-party-org-new');
    await pickDate(dialog, '2024-05-01');
    await dialog.locator('[data-test="org-document-no"] input, input[data-test="org-document-no"]').first().fill('姜组复〔2024〕5号');
    await dialog.locator('[data-test="org-save"]').click();
    await page.locator('[data-test="orgs-table"]', { hasText: name }).waitFor();

    await page.locator('[data-test="orgs-table"] a', { hasText: name }).click();
    await page.locator('[data-test="org-title"]', { hasText: name }).waitFor();
    await page.locator('[data-test="org-rename"]').click();
    const rename = page.locator('.el-dialog:visible');
    await rename.locator('[data-test="org-rename-name"] input, input[data-test="org-rename-name"]').first().fill(`${name}（更名）`);
    await rename.locator('[data-test="org-rename-save"]').click();
    await page.locator('[data-test="org-title"]', { hasText: '（更名）' }).waitFor();
    await shot(page, '98-party-org-detail');

    await page.locator('[data-test="org-dissolve"]').click();
    const dissolve = page.locator('.el-dialog:visible');
    await pickDate(dissolve, '2025-01-02');
    await dissolve.locator('[data-test="org-dissolve-save"]').click();
    await page.locator('[data-test="org-title"]', { hasText: '撤销' }).waitFor();
    const history = await page.locator('[data-test="org-history"] .el-table__row').allInnerTexts();
    assert.equal(history.length, 3, history.join(' | '));  // 成立, 更名, 撤销
    assert.ok(history[0].includes('成立') && history[2].includes('撤销'), history.join(' | '));
    assert.equal(await page.locator('[data-test="org-rename"]').count(), 0, 'a dissolved organization is read-only');
    // The list leaves it out, and shows it again with 含已撤销.
    await visit(page, '/roster/party-orgs');
    const table = page.locator('[data-test="orgs-table"]');
    await table.locator('.el-table__row').first().waitFor();
    assert.equal(await table.locator('a', { hasText: name }).count(), 0);
    await page.locator('[data-test="orgs-dissolved"]').click();
    await table.locator('a', { hasText: `${name}（更名）` }).waitFor();
    assert.deepEqual(page.errors, []);
    assert.deepEqual(consoleErrors.filter((e) => !e.includes('422')), []);
  });

  it('the unit page counts the people the leaderboard ranks (塘马村)', async () => {
    const page = await newPage(browser, { width: 1440, height: 900 });
    await login(page, 'admin');
    const unit = (await api(page, `/units?q=${encodeURIComponent('塘马村')}`)).items.find((u) => u.name === '塘马村');
    const board = await api(page, `/points/leaderboard?top=1&unit=${unit.id}`);
    await page.goto(`${BASE_URL}/roster/units/${unit.id}`);
    const row = page.locator('[data-test="party-orgs"] .el-table__row').first();
    await row.waitFor();
    const cells = await row.locator('td').allInnerTexts();
    assert.equal(Number(cells.at(-1).trim()), board.size, `${cells.join(' | ')} vs ${board.size}`);
    assert.ok(board.size > 100, `the demo's 塘马村 has hundreds of members (${board.size})`);
    await page.locator('[data-test="unit-party-orgs"]').click();
    await page.locator('[data-test="orgs-table"] .el-table__row').first().waitFor();
    await shot(page, '99-party-orgs-of-unit');
    assert.deepEqual(page.errors, []);
  });

  it('the demo has grid branches under 塘马村 and a 党员中心户 in each (seed 003), counted like the grid board', async () => {
    const page = await newPage(browser, { width: 1440, height: 900 });
    await login(page, 'admin');
    const unit = (await api(page, `/units?q=${encodeURIComponent('塘马村')}`)).items.find((u) => u.name === '塘马村');
    const village = (await api(page, `/units/${unit.id}`)).party_orgs[0];
    const detail = await api(page, `/party-orgs/${village.id}`);
    const grids = detail.sub_orgs.filter((o) => o.grid);
    assert.ok(grids.length >= 2, `grid branches under ${village.name}: ${detail.sub_orgs.map((o) => o.name).join('、')}`);
    await page.goto(`${BASE_URL}/roster/party-orgs/${village.id}`);
    const sub = page.locator('[data-test="org-subs"] .el-table__row', { hasText: grids[0].name });
    await sub.waitFor();
    await sub.locator('a').click();
    await page.waitForURL((url) => url.pathname.endsWith(`/roster/party-orgs/${grids[0].id}`));
    await page.locator('[data-test="org-households"] .el-table__row').first().waitFor();
    assert.equal(await page.locator('[data-test="org-member-count"]').innerText(), String(grids[0].member_count));
    const board = await api(page, `/points/leaderboard?top=1&unit=${grids[0].unit_id}`);
    assert.equal(board.size, grids[0].member_count, 'the grid branch counts the people its grid board ranks');
    await shot(page, '99b-grid-branch-households');
    assert.deepEqual(page.errors, []);
  });
});
