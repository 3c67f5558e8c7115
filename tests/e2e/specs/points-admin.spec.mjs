// 党员积分 administration in the browser: the rules catalog (create, edit, deactivate; exported to
// Excel, edited and imported after a preview; read-only for a county officer), the 考核周期 (create, close → read-only, pick it on the leaderboard), bulk recording for a whole
// grid, reversing an approved event with a reason, and 批量审核 of a long queue found by name
// (desk and phone).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE_URL, api, insideViewport, launch, login, newPage, shot, visit } from '../lib/browser.mjs';
import { readXlsxRows, streamToBuffer, writeXlsx } from '../lib/zip.mjs';

const visibleOption = (page, text) => page.locator('.el-select-dropdown__item:visible', { hasText: text }).first();
// Element Plus puts a data-test attribute on the inner <input> of some inputs and on the wrapper of others.
const field = (page, name) => page.locator(`input[data-test="${name}"], [data-test="${name}"] input`).first();

describe('points administration: rules, periods, bulk records, reversals', () => {
  let browser;
  const tmp = mkdtempSync(join(tmpdir(), 'lingyan-e2e-rules-'));
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('an admin creates, edits and deactivates a rule', async () => {
    const desk = await newPage(browser);
    await login(desk, 'admin');
    await visit(desk, '/points/rules');
    await desk.locator('[data-test="rule-list"] .el-table__body-wrapper tr').first().waitFor();
    const code = `E${Date.now() % 1000000}`;
    await desk.locator('[data-test="rule-new"]').click();
    await field(desk, 'rule-code').fill(code);
    await field(desk, 'rule-name-input').fill('e2e 义务献血');
    await desk.locator('[data-test="rule-category"]').click();
    await visibleOption(desk, '志愿服务').click();
    await field(desk, 'rule-points-input').fill('8');
    await field(desk, 'rule-points-input').press('Tab');
    await shot(desk, '55-points-rule-dialog');
    await desk.locator('[data-test="rule-save"]').click();
    const row = desk.locator('[data-test="rule-list"] .el-table__body-wrapper tr', { hasText: code });
    await row.waitFor();
    assert.equal(await row.locator('[data-test="rule-points"]').innerText(), '8.00');

    await row.locator('[data-test="rule-edit"]').click();
    await field(desk, 'rule-name-input').fill('e2e 无偿献血');
    await desk.locator('[data-test="rule-save"]').click();
    await row.locator('[data-test="rule-name"]', { hasText: 'e2e 无偿献血' }).waitFor();
    await row.locator('[data-test="rule-toggle"]').click();
    await row.locator('[data-test="rule-state"]', { hasText: '停用' }).waitFor();
    await shot(desk, '56-points-rules');

    const saved = (await api(desk, '/points/rules')).items.find((r) => r.code === code);
    assert.deepEqual(
      { name: saved.name, category: saved.category, points: saved.points, active: saved.active },
      { name: 'e2e 无偿献血', category: '志愿服务', points: '8.00', active: false },
    );
    assert.deepEqual(desk.errors, []);
    await desk.context().close();
  });

  it('an admin exports the rules to Excel, adds and changes rules in it and imports it after a preview', async () => {
    const desk = await newPage(browser);
    await login(desk, 'admin');
    await visit(desk, '/points/rules');
    await desk.locator('[data-test="rule-list"] .el-table__body-wrapper tr').first().waitFor();
    const [download] = await Promise.all([desk.waitForEvent('download'), desk.locator('[data-test="rules-export"]').click()]);
    assert.equal(download.suggestedFilename(), '积分细则.xlsx');
    const exported = readXlsxRows(await download.createReadStream().then(streamToBuffer));
    const header = exported[0];
    assert.deepEqual(header, ['编码', '名称', '类别', '分值', '上限', '需审核', '佐证材料', '状态']);
    const before = (await api(desk, '/points/rules')).items;
    assert.equal(exported.length, before.length + 1);
    const xx01 = exported.find((r) => r[0] === 'XX01');
    const listed = before.find((r) => r.code === 'XX01');
    assert.deepEqual([xx01[1], Number(xx01[3])], [listed.name, Number(listed.points)]);

    const upload = async (name, rows) => {
      const path = join(tmp, name);
      writeFileSync(path, writeXlsx(rows, '积分细则'));
      await desk.locator('[data-test="rules-import-file"]').setInputFiles(path);
    };
    // A bad row is listed with its row and column; nothing is written.
    await upload('bad.xlsx', [header, ...exported.slice(1), ['X9', '读书分享', '学习活动', '五分']]);
    const errors = desk.locator('[data-test="import-errors-table"] .el-table__row');
    await errors.first().waitFor();
    assert.equal(await errors.count(), 1);
    assert.match(await errors.first().innerText(), new RegExp(`${exported.length + 1}\\s+分值`));

    // Two new rules: the preview lists them, 确认导入 writes them.
    const code = `R${Date.now() % 100000}`;
    const added = [
      [`${code}A`, 'e2e 读书分享会', '学习活动', '2.5', '20', '是', '活动照片', '启用'],
      [`${code}B`, 'e2e 义务巡河', '志愿服务', '3', '', '否', '', '启用'],
    ];
    await upload('new.xlsx', [header, ...exported.slice(1), ...added]);
    const preview = desk.locator('[data-test="rules-preview"]');
    await preview.locator('[data-test="rules-preview-summary"]', { hasText: '将新增 2 条、修改 0 条' }).waitFor();
    assert.equal(await preview.locator('[data-test="rules-preview-table"] .el-table__row').count(), 2);
    assert.equal(await desk.locator('[data-test="import-errors"]').count(), 0);
    await preview.locator('[data-test="rules-import-confirm"]').click();
    await desk.locator('.el-message--success', { hasText: '新增 2 条' }).waitFor();
    await desk.locator('[data-test="rule-list"] .el-table__body-wrapper tr', { hasText: `${code}B` }).waitFor();

    // The same file with one name changed and one rule switched off: two changes, named by column.
    added[0][1] = 'e2e 读书分享会（每次）';
    added[1][7] = '停用';
    await upload('changed.xlsx', [header, ...exported.slice(1), ...added]);
    await preview.locator('[data-test="rules-preview-summary"]', { hasText: '将新增 0 条、修改 2 条' }).waitFor();
    await preview.locator('[data-test="rules-preview-table"]', { hasText: '修改：名称' }).waitFor();
    await shot(desk, '56a-points-rules-import');
    await preview.locator('[data-test="rules-import-confirm"]').click();
    await desk.locator('.el-message--success', { hasText: '修改 2 条' }).waitFor();
    const after = (await api(desk, '/points/rules')).items;
    const a = after.find((r) => r.code === `${code}A`);
    const b = after.find((r) => r.code === `${code}B`);
    assert.deepEqual(
      [a.name, a.points, a.cap, a.needs_approval, b.points, b.cap, b.needs_approval, b.active],
      ['e2e 读书分享会（每次）', '2.50', '20.00', true, '3.00', null, false, false],
    );
    assert.deepEqual(desk.errors, []);
    await desk.context().close();
  });

  it('a county officer reads and exports the rules but is offered no change', async () => {
    const desk = await newPage(browser);
    await login(desk, 'county');
    await visit(desk, '/points/rules');
    await desk.locator('[data-test="rule-list"] .el-table__body-wrapper tr').first().waitFor();
    await desk.locator('[data-test="rules-export"]').waitFor();
    for (const editor of ['rule-new', 'rules-import', 'rule-edit', 'rule-toggle', 'period-new', 'period-edit'])
      assert.equal(await desk.locator(`[data-test="${editor}"]`).count(), 0, editor);
    const [download] = await Promise.all([desk.waitForEvent('download'), desk.locator('[data-test="rules-export"]').click()]);
    assert.equal(readXlsxRows(await download.createReadStream().then(streamToBuffer)).length, (await api(desk, '/points/rules')).items.length + 1);
    assert.deepEqual(desk.errors, []);
    await desk.context().close();
  });

  it('an admin adds a period and closes it; the leaderboard can show it, read-only', async () => {
    const desk = await newPage(browser);
    await login(desk, 'admin');
    await visit(desk, '/points/rules');
    await desk.locator('[data-test="period-list"] .el-table__body-wrapper tr').first().waitFor();
    const current = (await api(desk, '/points/periods')).items.find((p) => p.current);
    const name = `${Number(current.from.slice(0, 4)) + 1}年度`;
    await desk.locator('[data-test="period-new"]').click();
    assert.equal(await field(desk, 'period-name-input').inputValue(), name);
    await desk.locator('[data-test="period-save"]').click();
    const row = desk.locator('[data-test="period-list"] .el-table__body-wrapper tr', { hasText: name });
    await row.waitFor();
    await row.locator('[data-test="period-close"]').click();
    await desk.locator('.el-message-box .el-button--primary').click();
    await row.locator('[data-test="period-closed"]').waitFor();
    await shot(desk, '57-points-periods');
    const added = (await api(desk, '/points/periods')).items.find((p) => p.name === name);
    assert.equal(added.closed, true);
    assert.equal(added.current, false);

    // The leaderboard shows the current period by name, and switches to the closed one.
    await desk.goto(`${BASE_URL}/points/leaderboard`);
    await desk.locator('[data-test="leaderboard"] .el-table__body-wrapper tr').first().waitFor();
    await desk.locator('[data-test="period-select"]', { hasText: current.name }).waitFor();
    await desk.locator('[data-test="period-select"]').click();
    await visibleOption(desk, name).click();
    await desk.waitForURL((url) => url.searchParams.get('period') === String(added.id));
    await desk.locator('[data-test="period-select"]', { hasText: name }).waitFor();
    const board = await api(desk, `/points/leaderboard?period=${added.id}`);
    assert.equal(board.period_id, added.id);
    assert.ok(board.items.every((e) => e.total === '0.00'), 'nothing recorded in the new period');
    assert.deepEqual(desk.errors, []);
    await desk.context().close();
  });

  it('a secretary records an activity for a whole grid, then reverses one with a reason', async () => {
    const phone = await newPage(browser, { width: 390, height: 844 });
    await login(phone, 'member');
    const me = await api(phone, '/points/me');
    await phone.context().close();

    const desk = await newPage(browser);
    await login(desk, 'tangma');
    const gridMembers = (await api(desk, `/points/members?unit=${me.member.unit_id}`)).items;
    assert.ok(gridMembers.length > 1);
    await desk.goto(`${BASE_URL}/points/approvals?unit=${me.member.unit_id}`);
    await desk.locator('[data-test="bulk-open"]').click();
    await desk.locator('[data-test="bulk-member"]').first().waitFor();
    assert.equal(await desk.locator('[data-test="bulk-member"]').count(), gridMembers.length);
    await desk.locator('[data-test="bulk-all"]').click();
    await desk.locator('[data-test="bulk-rule"]').click();
    await visibleOption(desk, '参与人居环境整治').click();
    const note = `e2e 环境整治日 ${Date.now()}`;
    await field(desk, 'bulk-note').fill(note);
    await shot(desk, '58-points-bulk');
    await desk.locator('[data-test="bulk-submit"]').click();
    await desk.locator('.el-message--success').waitFor();

    // Every member of the grid has the approved event; it is listed under 近期已通过.
    const events = (await api(desk, `/points/publicity?unit=${me.member.unit_id}&days=1`)).events.filter((e) => e.note === note);
    assert.equal(events.length, gridMembers.length);
    assert.ok(events.every((e) => e.status === 'approved' && e.rule === 'HJ01'));
    await desk.locator('.el-tabs__item', { hasText: '近期已通过' }).click();
    const row = desk.locator('[data-test="approved-list"] .el-table__body-wrapper tr', { hasText: note }).filter({ hasText: me.member.name });
    await row.waitFor();
    await row.locator('[data-test="reverse"]').click();
    const box = desk.locator('.el-message-box');
    await box.locator('input').fill('误记');
    await box.locator('.el-button--primary').click();
    await row.locator('[data-test="reversed-tag"]').waitFor();
    await shot(desk, '59-points-reversed');

    const original = events.find((e) => e.member_id === me.member.id);
    const reversal = (await api(desk, `/points/publicity?unit=${me.member.unit_id}&days=1`)).events.find((e) => e.reverses === original.id);
    assert.ok(reversal, 'a reversing event');
    assert.equal(reversal.reason, '误记');
    assert.equal(reversal.quantity, '-1.00');
    assert.deepEqual(desk.errors, []);
    await desk.context().close();
  });

  it('an admin finds a member in the long queue by name and approves the found page at once; a phone rejects with a reason', async () => {
    const desk = await newPage(browser, { width: 1440, height: 900 });
    await login(desk, 'admin');
    const queue = await api(desk, '/points/approvals?limit=1000');
    assert.ok(queue.total >= 100, `a long queue in the demo (${queue.total})`);
    // The member with the most pending declarations: found by part of the name.
    const counts = new Map();
    for (const e of queue.items) counts.set(e.member_name, (counts.get(e.member_name) ?? 0) + 1);
    const [name] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    const found = (await api(desk, `/points/approvals?limit=1000&q=${encodeURIComponent(name)}`)).items.filter((e) => e.member_name.includes(name));
    assert.ok(found.length >= 1);

    await desk.goto(`${BASE_URL}/points/approvals`);
    await desk.locator('[data-test="approval-list"] .el-table__body-wrapper tr').first().waitFor();
    await field(desk, 'approvals-search').fill(name);
    await desk.waitForFunction(
      (n) => {
        const rows = [...document.querySelectorAll('[data-test="approval-member"]')];
        return rows.length > 0 && rows.every((r) => r.textContent.includes(n));
      },
      name,
    );
    const shown = await desk.locator('[data-test="approval-member"]').count();
    assert.equal(shown, Math.min(found.length, 50));
    await desk.locator('[data-test="approvals-all"]').click();
    await desk.locator('[data-test="picked-count"]', { hasText: String(shown) }).waitFor();
    await shot(desk, '52b-points-bulk-approve');
    await desk.locator('[data-test="bulk-approve"]').click();
    await desk.locator('.el-message-box .el-button--primary').click();
    await desk.locator('.el-message--success').waitFor();
    const left = await api(desk, `/points/approvals?limit=1000&q=${encodeURIComponent(name)}`);
    assert.equal(left.total, found.length - shown);
    const approvedIds = new Set(found.slice(0, shown).map((e) => e.id));
    assert.ok(left.items.every((e) => !approvedIds.has(e.id)));
    assert.deepEqual(desk.errors, []);
    await desk.context().close();

    // On a phone: the search, the selection bar and its buttons fit 390 px; a rejection needs a reason.
    const phone = await newPage(browser, { width: 390, height: 844 });
    await login(phone, 'admin');
    await visit(phone, '/points/approvals');
    const first = phone.locator('[data-test="approval-list"] [data-test="approval-row"]').first();
    await first.waitFor();
    const target = (await api(phone, '/points/approvals?limit=1')).items[0];
    await field(phone, 'approvals-search').fill(target.member_name);
    await phone.waitForFunction(
      (n) => [...document.querySelectorAll('[data-test="approval-member"]')].every((r) => r.textContent.includes(n)),
      target.member_name,
    );
    await phone.locator('[data-test="approval-pick"]').first().click();
    await phone.locator('[data-test="picked-count"]', { hasText: '1' }).waitFor();
    for (const button of ['bulk-approve', 'bulk-reject']) assert.ok(await insideViewport(phone, phone.locator(`[data-test="${button}"]`)), button);
    await shot(phone, '52c-points-bulk-phone');
    await phone.locator('[data-test="bulk-reject"]').click();
    const box = phone.locator('.el-message-box');
    await box.locator('.el-button--primary').click();
    await box.locator('.el-message-box__errormsg').waitFor();  // a reason is required
    await box.locator('input').fill('佐证材料不全');
    await box.locator('.el-button--primary').click();
    await phone.locator('.el-message--success').waitFor();
    const rejected = (await api(phone, `/points/approvals?limit=1000&q=${encodeURIComponent(target.member_name)}`)).items;
    assert.ok(rejected.every((e) => e.id !== target.id), 'the rejected declaration left the queue');
    assert.deepEqual(phone.errors, []);
    await phone.context().close();
  });
});
