// 人事决定 and 躺平奖 in the browser: the county officer sees the demo's decisions (选拔重用, 晋升职级
// from 三好创争), records a reward citing the 好班长 result in the dialog and finds it on the person's
// page; a pool member's 任用 opens the same dialog and writes the post into the roster; the county
// confirms a town's 躺平奖 nomination with a reason; the town officer names a cadre of his own town
// (a missing reason is refused on its field); the county exports the 躺平奖提名台账, its 荣誉库 search and a
// year's 人事决定台账, and imports a past list of titles into the 荣誉库 (previewed first) —
// axe on every page and dialog.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE_URL, api, launch, login, newPage, shot, visit } from '../lib/browser.mjs';
import { audit } from '../lib/a11y.mjs';
import { readXlsxRows, streamToBuffer, writeXlsx } from '../lib/zip.mjs';

async function pickPerson(page, picker, person) {
  await picker.click();
  await page.keyboard.type(person.name);
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item').filter({ hasText: person.name }).filter({ hasText: person.unit_name }).first().click();
}

/** An el-input's native field, whichever element the data-test attribute landed on. */
const field = (scope, name) => scope.locator(`input[data-test="${name}"], textarea[data-test="${name}"], [data-test="${name}"] input, [data-test="${name}"] textarea`).first();

async function choose(page, select, text) {
  await select.click();
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: text }).first().click();
}

describe('personnel: decisions and the nominated 躺平奖', () => {
  let browser;
  const tmp = mkdtempSync(join(tmpdir(), 'lingyan-e2e-honours-'));
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('a county officer records a decision citing a campaign result and sees it on the person', async () => {
    const page = await newPage(browser, { width: 1440, height: 900 });
    await login(page, 'county');
    await visit(page, '/personnel/decisions');
    const table = page.locator('[data-test="decision-table"]');
    await table.locator('tbody tr').first().waitFor();
    const demo = (await api(page, '/decisions')).items;
    assert.ok(demo.some((d) => d.kind === 'promotion') && demo.some((d) => d.kind === 'appointment'), 'the demo has 选拔重用 and 晋升职级');
    assert.ok(demo.every((d) => d.ground_label), 'each cites its ground');
    await shot(page, '120-personnel-decisions');

    // A 好班长 secretary from the published campaign, rewarded in the dialog.
    const leader = (await api(page, '/campaigns')).items.find((c) => c.template === 'sanhao-leader' && c.status === 'published');
    assert.ok(leader, 'the demo ships a published 好班长 campaign');
    const subject = (await api(page, `/campaigns/${leader.id}`)).subjects[5];
    const person = { name: subject.name.replace(/（\d+）$/, ''), unit_name: subject.unit_name, id: subject.person_id };
    await page.locator('[data-test="decision-add"]').click();
    const dialog = page.locator('[data-test="decision-dialog"]');
    await dialog.waitFor();
    await pickPerson(page, dialog.locator('[data-test="decision-person"]'), person);
    await choose(page, dialog.locator('[data-test="decision-kind"]'), '奖励');
    await choose(page, dialog.locator('[data-test="decision-ground-id"]'), leader.name);
    // Without content the server refuses it, on its field.
    await dialog.locator('[data-test="decision-save"]').click();
    await dialog.locator('.el-form-item__error', { hasText: '请填写决定内容' }).waitFor();
    await field(dialog, 'decision-content').fill('好班长评选表现突出，通报表扬');
    await audit(page, 'decision dialog');
    await dialog.locator('[data-test="decision-save"]').click();
    await table.locator('tr', { hasText: '好班长评选表现突出，通报表扬' }).waitFor();
    const mine = (await api(page, `/people/${person.id}/decisions`)).items;
    const made = mine.find((d) => d.content === '好班长评选表现突出，通报表扬');
    assert.ok(made, 'recorded for the person');
    assert.equal(made.kind, 'reward');
    assert.ok(made.ground_label.startsWith(leader.name), made.ground_label);

    // 人事决定台账: the year's decisions as the filtered list shows them, the new one among them.
    const year = made.decided_on.slice(0, 4);
    const yearField = field(page, 'decision-year');
    await yearField.fill(year);
    await yearField.press('Tab');
    const ofYear = (await api(page, `/decisions?year=${year}`)).items;
    await page.waitForFunction((n) => document.querySelectorAll('[data-test="decision-table"] tbody tr').length === n, ofYear.length);
    await audit(page, 'decisions of a year');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="decisions-export"]').click()]);
    assert.match(download.suggestedFilename(), /^人事决定台账-.*\.xlsx$/);
    const rows = readXlsxRows(await download.createReadStream().then(streamToBuffer));
    assert.deepEqual(rows[0].slice(0, 7), ['决定日期', '类型', '姓名', '单位', '决定内容', '依据类型', '依据']);
    assert.equal(rows.length - 1, ofYear.length);
    assert.deepEqual(rows.slice(1).map((r) => r[4]), ofYear.map((d) => d.content));
    assert.ok(rows.some((r) => r[4] === '好班长评选表现突出，通报表扬' && r[1] === '奖励' && r[5] === '考核结果'));

    await page.goto(`${BASE_URL}/roster/people/${person.id}`);
    await page.locator('[data-test="person-decisions"] tr', { hasText: '好班长评选表现突出，通报表扬' }).waitFor();
    await page.goto(`${BASE_URL}/evaluation/${leader.id}`);
    await page.locator('[data-test="campaign-decisions"] tr', { hasText: '好班长评选表现突出，通报表扬' }).waitFor();
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  it('任用 of a pool member is a decision that writes the post into the roster', async () => {
    const page = await newPage(browser, { width: 1440, height: 900 });
    await login(page, 'admin');
    const pools = (await api(page, '/pools')).items;
    let pool = null;
    let member = null;
    for (const p of pools) {
      const detail = await api(page, `/pools/${p.id}`);
      member = detail.members.find((m) => m.state === 'in_training' || m.state === 'selected');
      if (member) {
        pool = p;
        break;
      }
    }
    assert.ok(member, 'a pool member still to graduate');
    // Steps up to 已结业 on the pool page, each with its note prompt; then the button 任用 opens the decision.
    await page.goto(`${BASE_URL}/training/pools/${pool.id}`);
    const row = page.locator('[data-test="pool-members"] tr', { hasText: member.name });
    while (!(await row.locator('[data-test="member-advance"]', { hasText: /^\s*任用\s*$/ }).count())) {
      await row.locator('[data-test="member-advance"]').first().click();
      await page.locator('.el-message-box__btns .el-button--primary').click();
      await page.waitForTimeout(500);
    }
    // The last step's 已保存 must be gone first: under the dialog's mask it would be grey on grey.
    await page.waitForFunction(() => !document.querySelector('.el-message'));
    await row.locator('[data-test="member-advance"]', { hasText: /^\s*任用\s*$/ }).click();
    const dialog = page.locator('[data-test="decision-dialog"]');
    await dialog.waitFor();
    const person = await api(page, `/people/${member.person_id}`);
    await dialog.locator('[data-test="decision-position-unit"]').click();
    await page.keyboard.type(person.unit_name);
    await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: person.unit_name }).first().click();
    await field(dialog, 'decision-position-title').fill('党建指导员');
    await field(dialog, 'decision-content').fill('培养期满，任用为党建指导员');
    await audit(page, 'appointment dialog');
    await dialog.locator('[data-test="decision-save"]').click();
    await dialog.waitFor({ state: 'hidden' });
    await row.locator('.el-tag', { hasText: '已任用' }).waitFor();
    const after = await api(page, `/people/${member.person_id}`);
    assert.ok(after.positions.some((p) => p.title === '党建指导员' && p.unit_id === person.unit_id), 'the post is in the roster');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  it('the county exports its 荣誉库 search to Excel: the honours and the count of each title', async () => {
    const page = await newPage(browser, { width: 1440, height: 900 });
    await login(page, 'county');
    await visit(page, '/honours');
    await page.locator('[data-test="honours-table"] tbody tr').first().waitFor();
    const { items, counts } = await api(page, '/honours');
    assert.ok(items.length > 0, 'the demo registers honours in the county');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="honours-export"]').click()]);
    assert.match(download.suggestedFilename(), /^荣誉库-.*\.xlsx$/);
    const rows = readXlsxRows(await download.createReadStream().then(streamToBuffer));
    assert.deepEqual(rows[0].slice(0, 5), ['获得者', '单位', '荣誉称号', '级别', '年度']);
    assert.equal(rows.length - 1, items.length);
    assert.deepEqual(rows.slice(1).map((r) => r[2]).sort(), items.map((h) => h.title).sort());
    assert.ok(counts.length > 0);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  it('the county imports a past list of titles from Excel: template, a bad row, the preview, registered once', async () => {
    const page = await newPage(browser, { width: 1440, height: 900 });
    await login(page, 'county');
    await visit(page, '/honours');
    await page.locator('[data-test="honours-table"] tbody tr').first().waitFor();
    const holder = (await api(page, '/honours')).items.find((h) => h.person_id);
    const [template] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="honours-template"]').click()]);
    const header = readXlsxRows(await template.createReadStream().then(streamToBuffer))[0];
    assert.deepEqual(header, ['获得者', '身份证号', '单位', '荣誉称号', '级别', '年度', '文号']);
    const upload = async (name, rows) => {
      const path = join(tmp, name);
      writeFileSync(path, writeXlsx(rows, '荣誉'));
      await page.locator('[data-test="honours-import-file"]').setInputFiles(path);
    };
    const title = `e2e 优秀党务工作者 ${Date.now() % 100000}`;
    await upload('bad.xlsx', [header, [holder.name, '', holder.unit, title, '国家级', '2023', '泰组〔2023〕9号']]);
    const errors = page.locator('[data-test="import-errors-table"] .el-table__row');
    await errors.first().waitFor();
    assert.match(await errors.first().innerText(), /2\s+级别/);
    await upload('good.xlsx', [header, [holder.name, '', holder.unit, title, '市级', '2023', '泰组〔2023〕9号']]);
    const preview = page.locator('[data-test="honours-preview"]');
    await preview.locator('[data-test="honours-preview-summary"]', { hasText: '将登记 1 项荣誉' }).waitFor();
    await shot(page, '122a-honours-import');
    await preview.locator('[data-test="honours-import-confirm"]').click();
    await page.locator('.el-message--success', { hasText: '已登记 1 项荣誉' }).waitFor();
    await page.locator('[data-test="honours-table"] tbody tr', { hasText: title }).waitFor();
    const registered = (await api(page, `/honours?title=${encodeURIComponent(title)}`)).items;
    assert.deepEqual(registered.map((h) => [h.person_id, h.level, h.year, h.document_no]), [[holder.person_id, 'city', 2023, '泰组〔2023〕9号']]);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  it('the county confirms a town’s nomination; the town names a cadre of its own town', async () => {
    const page = await newPage(browser, { width: 1440, height: 900 });
    await login(page, 'county');
    await visit(page, '/tangping');
    const table = page.locator('[data-test="tangping-table"]');
    const pending = table.locator('tbody tr', { hasText: '待审核' }).first();
    await pending.waitFor();
    await shot(page, '121-tangping');
    const name = (await pending.locator('td').nth(1).innerText()).split('\n')[0];
    await pending.locator('[data-test="tangping-confirm"]').click();
    await page.locator('.el-message-box__input input').fill('经核实，督办记录属实');
    await page.locator('.el-message-box__btns .el-button--primary').click();
    await table.locator('tbody tr', { hasText: '经核实，督办记录属实' }).waitFor();
    const reviewed = (await api(page, '/tangping/nominations')).items.find((n) => n.review_reason === '经核实，督办记录属实');
    assert.equal(reviewed.state, 'confirmed');
    assert.equal(reviewed.name, name);
    // 躺平奖提名台账: what the list shows, with the review in words.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="tangping-export"]').click()]);
    assert.match(download.suggestedFilename(), /^躺平奖提名台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheet = readXlsxRows(await download.createReadStream().then(streamToBuffer));
    assert.equal(sheet.length, (await api(page, '/tangping/nominations')).items.length + 1);
    const row = sheet.find((r) => r[12] === '经核实，督办记录属实');
    assert.deepEqual([row[1], row[7], row[10]], [name, '已认定', 'county']);
    await page.locator('.el-tabs__item', { hasText: '按考核排名' }).click();
    await page.locator('[data-test="tangping-computed"] a').first().waitFor();
    await audit(page, 'computed 躺平奖');
    assert.deepEqual(page.errors, []);
    await page.context().close();

    const town = await newPage(browser, { width: 1440, height: 900 });
    const me = await login(town, 'town');
    const unit = await api(town, `/units/${me.scope_unit_id}`);
    const already = new Set((await api(town, '/tangping/nominations')).items.map((n) => n.person_id));
    const cadre = unit.team.find((m) => !already.has(m.person_id));
    assert.ok(cadre, 'a cadre of the town not yet named');
    await town.goto(`${BASE_URL}/tangping`);
    await town.locator('[data-test="tangping-nominate"]').click();
    const dialog = town.locator('[data-test="tangping-dialog"]');
    await dialog.waitFor();
    await pickPerson(town, dialog.locator('[data-test="tangping-person"]'), { name: cadre.name, unit_name: unit.unit.name });
    await choose(town, dialog.locator('[data-test="tangping-category"]'), '不担当');
    await dialog.locator('[data-test="tangping-save"]').click();
    await dialog.locator('.el-form-item__error', { hasText: '请填写提名理由' }).waitFor();
    await field(dialog, 'tangping-reason').fill('重点项目推进中遇难题绕着走');
    await audit(town, 'nominate dialog');
    await dialog.locator('[data-test="tangping-save"]').click();
    await town.locator('[data-test="tangping-table"] tr', { hasText: '重点项目推进中遇难题绕着走' }).waitFor();
    const named = (await api(town, '/tangping/nominations')).items.find((n) => n.reason === '重点项目推进中遇难题绕着走');
    assert.equal(named.person_id, cadre.person_id);
    assert.equal(named.state, 'pending');
    assert.equal(named.nominated_by, 'town');
    assert.equal(await town.locator('[data-test="tangping-confirm"]').count(), 0, 'a town does not review');
    assert.deepEqual(town.errors, []);
    await town.context().close();
  });
});
