// 经济指标: a county officer opens the page from the 考核评价 menu, types a new metric, enters
// yearly targets and monthly actuals for two towns in the grid (a bad cell is refused before
// sending and shown under the cell), and sees cumulative values, 完成率 and the totals row; fills
// a third town through the downloaded template and an .xlsx import (a bad sheet is listed row by
// row); then a campaign's target criterion takes its facts from the metric (取自经济指标) and
// reports the town without data.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE_URL, api, launch, login, newPage, shot } from '../lib/browser.mjs';
import { readXlsxRows, streamToBuffer, writeXlsx } from '../lib/zip.mjs';

const input = (scope, name) => scope.locator(`input[data-test="${name}"], [data-test="${name}"] input`).first();
const tmp = mkdtempSync(join(tmpdir(), 'lingyan-e2e-'));

async function choose(page, select, label) {
  await select.click();
  const listId = await select.locator('[aria-controls]').first().getAttribute('aria-controls');
  const option = page.locator(`[id="${listId}"] .el-select-dropdown__item`, { hasText: label }).first();
  await option.click();
  await option.waitFor({ state: 'hidden' });
}


describe('经济指标: targets, actuals, completion', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => browser?.close());

  it('enters targets and monthly actuals, shows completion, imports a sheet, and fills a campaign criterion', async () => {
    const page = await newPage(browser, { width: 1440, height: 900 });
    const me = await login(page, 'county');
    const towns = (await api(page, `/units?parent=${me.scope_unit_id}`)).items;
    const [first, second, third, fourth] = towns;

    await page.locator('[data-test="side-menu"] button', { hasText: '考核评价' }).first().waitFor();
    await page.locator('[data-test="side-menu"] a', { hasText: '经济指标' }).click();
    await page.waitForURL('**/evaluation/metrics');
    const metric = `e2e开票销售${Date.now() % 100000}`;
    const select = page.locator('[data-test="metric-select"]');
    await select.click();
    await page.keyboard.type(metric);
    await page.keyboard.press('Enter');
    await input(page, 'metric-year').fill('2024');
    await input(page, 'metric-year').press('Tab');
    await choose(page, page.locator('[data-test="metric-month"]'), '6月');

    // Every town of the county is a row, empty for a new metric.
    const grid = page.locator('[data-test="metric-grid"]');
    await page.waitForFunction((n) => document.querySelectorAll('[data-test="metric-row"]').length === n, towns.length);
    const row = (name) => grid.locator(`[data-test="metric-row"][data-unit="${name}"]`);
    assert.equal(await row(first.name).locator('[data-test="metric-cell-target"]').inputValue(), '');

    await row(first.name).locator('[data-test="metric-cell-target"]').fill('1,200');
    for (let m = 1; m <= 6; m += 1) await row(first.name).locator(`[data-test="metric-cell-m${m}"]`).fill('100');
    await row(second.name).locator('[data-test="metric-cell-target"]').fill('1000');
    await row(second.name).locator('[data-test="metric-cell-m1"]').fill('12a');
    await page.locator('[data-test="metric-save"]').click();
    await row(second.name).locator('[data-test="metric-cell-error"]', { hasText: '不是数字' }).waitFor();
    assert.deepEqual((await api(page, `/metrics/progress?metric=${encodeURIComponent(metric)}&year=2024&month=6`)).rows, []);
    await shot(page, '95-metrics-cell-error');
    await row(second.name).locator('[data-test="metric-cell-m1"]').fill('50');
    await page.locator('[data-test="metric-save"]').click();
    await page.locator('.el-message--success', { hasText: '已保存' }).waitFor();

    const view = await api(page, `/metrics/progress?metric=${encodeURIComponent(metric)}&year=2024&month=6`);
    assert.equal(view.rows.length, 2);
    const byName = Object.fromEntries(view.rows.map((r) => [r.unit_name, r]));
    assert.equal(byName[first.name].target, 1200);
    assert.equal(byName[first.name].cumulative, 600);
    assert.equal(byName[second.name].cumulative, 50);
    await row(first.name).locator('[data-test="metric-completion"]', { hasText: '50.0%' }).waitFor();
    assert.equal(await row(second.name).locator('[data-test="metric-completion"]').innerText(), '5.0%');
    assert.equal(await row(first.name).locator('[data-test="metric-cumulative"]').innerText(), '600');
    const total = page.locator('[data-test="metric-total"]');
    assert.equal(await total.locator('[data-test="metric-total-cumulative"]').innerText(), '650');
    assert.equal(await total.locator('[data-test="metric-total-completion"]').innerText(), `${((650 / 2200) * 100).toFixed(1)}%`);
    // On schedule (50% at June) and far behind (5%) are told apart by colour.
    const firstStyle = await row(first.name).locator('[data-test="metric-completion"]').getAttribute('style');
    const secondStyle = await row(second.name).locator('[data-test="metric-completion"]').getAttribute('style');
    assert.notEqual(firstStyle, secondStyle);
    await page.locator('[data-test="metric-chart"] canvas').waitFor();
    await page.locator('.el-message--warning').first().waitFor({ state: 'detached' });
    await shot(page, '96-metrics-progress');
    await page.locator('[data-test="metric-chart"]').scrollIntoViewIfNeeded();
    await shot(page, '98-metrics-chart');

    // The template, filled for a third town and imported; a bad sheet first.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="metric-template"]').click()]);
    assert.match(download.suggestedFilename(), /\.xlsx$/);
    const sheet = readXlsxRows(await download.createReadStream().then(streamToBuffer));
    const header = sheet[0];
    const col = (title) => header.indexOf(title);
    assert.ok(col('单位编码') >= 0 && col('年度目标') >= 0 && col('6月') >= 0, header.join('|'));
    const line = header.map(() => '');
    line[col('单位编码')] = third.code;
    line[col('单位名称')] = third.name;
    line[col('指标')] = metric;
    line[col('年份')] = '2024';
    line[col('年度目标')] = '800';
    for (let m = 1; m <= 6; m += 1) line[col(`${m}月`)] = '100';
    const badLine = [...line];
    badLine[col('年份')] = '明年';
    const badPath = join(tmp, 'metrics-bad.xlsx');
    writeFileSync(badPath, writeXlsx([header, line, badLine], '经济指标'));
    await page.locator('[data-test="metric-import-file"]').setInputFiles(badPath);
    await page.locator('[data-test="import-errors-table"]').waitFor();
    assert.equal(await page.locator('[data-test="import-errors-table"] .el-table__row').count(), 1);
    assert.equal((await api(page, `/metrics/progress?metric=${encodeURIComponent(metric)}&year=2024&month=6`)).rows.length, 2, 'a bad sheet writes nothing');
    const goodPath = join(tmp, 'metrics.xlsx');
    writeFileSync(goodPath, writeXlsx([header, line], '经济指标'));
    await page.locator('[data-test="metric-import-file"]').setInputFiles(goodPath);
    await page.locator('.el-message--success', { hasText: '导入成功' }).waitFor();
    await row(third.name).locator('[data-test="metric-completion"]', { hasText: '75.0%' }).waitFor();

    // A campaign's target criterion takes the metric cumulated to June; a town without data is named.
    const created = await page.request.post(`${BASE_URL}/api/v1/campaigns`, {
      headers: { 'X-CSRF-Token': me.csrf_token },
      data: {
        name: `e2e 开票销售 ${Date.now()}`,
        cycle_kind: 'year',
        cycle_label: '2024',
        subjects: [first.id, second.id, fourth.id],
        framework: { name: '开票销售', criteria: [{ id: 'sales', name: '开票销售完成率', weight: 1, method: 'target' }] },
      },
    });
    assert.equal(created.status(), 201, await created.text());
    const id = (await created.json()).id;
    await page.goto(`${BASE_URL}/evaluation/${id}`);
    await page.locator('[data-test="facts-from-metric"]').click();
    const dialog = page.locator('[data-test="from-metric-dialog"]');
    await choose(page, dialog.locator('[data-test="from-metric-metric"]'), metric);
    await choose(page, dialog.locator('[data-test="from-metric-month"]'), '6月');
    await dialog.locator('[data-test="from-metric-fill"]').click();
    await dialog.locator('[data-test="from-metric-skipped"]', { hasText: fourth.name }).waitFor();
    await shot(page, '97-evaluation-from-metric');
    const facts = (await api(page, `/campaigns/${id}/facts`)).items;
    const value = (subjectName, key) => {
      const subject = facts.find((f) => f.key === key && f.subject_id === subjects[subjectName]);
      return subject ? Number(subject.value) : null;
    };
    const detail = await api(page, `/campaigns/${id}`);
    const subjects = Object.fromEntries(detail.subjects.map((s) => [s.name, s.id]));
    assert.equal(value(first.name, 'actual'), 600);
    assert.equal(value(first.name, 'target'), 1200);
    assert.equal(value(second.name, 'actual'), 50);
    assert.equal(value(fourth.name, 'actual'), null);
    await dialog.locator('.el-dialog__footer .el-button').first().click();
    // The grid shows what was filled.
    await page.locator('[data-test="grid-tab-label-target"]').click();
    const targetGrid = page.locator('[data-test="grid-target"]');
    await targetGrid.waitFor();
    const rowIdx = detail.subjects.findIndex((s) => s.name === first.name);
    assert.equal(await targetGrid.locator(`[data-test="cell-sales-actual"][data-row="${rowIdx}"]`).inputValue(), '600');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});
