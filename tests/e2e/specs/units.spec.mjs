// A county officer manages the region tree: adds a village under a town, edits and deletes it,
// and imports a division list (区划表) — a bad one refused whole with its lines, then a good one.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE_URL, api, launch, login, newPage, shot } from '../lib/browser.mjs';
import { audit } from '../lib/a11y.mjs';

describe('a county officer manages units', () => {
  let browser;
  let page;
  let dir;
  let town;

  before(async () => {
    browser = await launch();
    page = await newPage(browser);
    dir = await mkdtemp(join(tmpdir(), 'lingyan-e2e-'));
    await login(page, 'county');
    const county = (await api(page, `/units?q=${encodeURIComponent('姜堰区')}`)).items.find((u) => u.name === '姜堰区');
    town = (await api(page, `/units?parent=${county.id}`)).items[0];
    assert.ok(town?.code, 'the county has towns with division codes');
  });
  after(async () => {
    assert.deepEqual(page?.errors ?? [], [], 'no uncaught errors in the page');
    await browser?.close();
  });

  const byName = async (name) => (await api(page, `/units?q=${encodeURIComponent(name)}`)).items.find((u) => u.name === name);

  it('adds a village under a town, refusing a bad code first', async () => {
    await page.goto(`${BASE_URL}/roster/units/${town.id}`);
    await page.locator('[data-test="unit-add-child"]').click();
    const form = page.locator('[data-test="unit-form"]');
    await form.locator('[data-test="unit-form-name"]').fill('浏览器测试村');
    await form.locator('[data-test="unit-form-code"]').fill('123');
    await form.locator('[data-test="unit-form-save"]').click();
    await form.getByText('区划代码应为 12 位数字').waitFor();
    await form.locator('[data-test="unit-form-code"]').fill(`${town.code.slice(0, 9)}951`);
    await shot(page, '70-unit-form');
    await form.locator('[data-test="unit-form-save"]').click();
    await form.waitFor({ state: 'hidden' });
    const created = await byName('浏览器测试村');
    assert.ok(created, 'the village exists');
    assert.equal(created.parent_id, town.id);
    await page.locator('[data-test="region-tree"]').getByText('浏览器测试村').waitFor();
  });

  it('edits the village and then deletes it', async () => {
    const village = await byName('浏览器测试村');
    await page.goto(`${BASE_URL}/roster/units/${village.id}`);
    await page.locator('[data-test="unit-edit"]').click();
    const form = page.locator('[data-test="unit-form"]');
    await form.locator('[data-test="unit-form-name"]').fill('浏览器更名村');
    await audit(page, 'unit edit dialog');
    await form.locator('[data-test="unit-form-save"]').click();
    await page.locator('[data-test="unit-name"]').getByText('浏览器更名村').waitFor();
    await page.locator('[data-test="unit-delete"]').click();
    await page.locator('.el-message-box').waitFor();
    await audit(page, 'unit delete confirmation');
    await page.locator('.el-message-box').getByRole('button', { name: /确定|OK/ }).click();
    await page.waitForURL(new RegExp(`/roster/units/${town.id}$`));
    assert.equal(await byName('浏览器更名村'), undefined, 'the village is gone');
  });

  it('cannot delete a town that still has villages', async () => {
    await page.goto(`${BASE_URL}/roster/units/${town.id}`);
    await page.locator('[data-test="unit-delete"]').click();
    await page.locator('.el-message-box').getByRole('button', { name: /确定|OK/ }).click();
    await page.locator('.el-message').getByText('还有下级单位').waitFor();
    assert.ok(await byName(town.name), 'the town is still there');
  });

  it('imports a division list: a bad one is refused whole, a good one creates the units', async () => {
    const header = '单位编码,单位名称,上级编码,类型,经济类型,人口,面积\n';
    const a = `${town.code.slice(0, 9)}961`;
    const b = `${town.code.slice(0, 9)}962`;
    const bad = `${header}${a},导入甲村,${town.code},村,农业,1200,3.5\n${b},导入乙村,${town.code},庄园,,,\n`;
    await page.goto(`${BASE_URL}/exchange`);
    await page.locator('[data-test="import-kind-units"]').click();
    await writeFile(join(dir, 'bad.csv'), bad);
    await page.locator('[data-test="import-file"]').setInputFiles(join(dir, 'bad.csv'));
    const table = page.locator('[data-test="import-errors-table"]');
    await table.waitFor();
    assert.ok((await table.innerText()).includes('庄园'), 'the bad kind is named');
    assert.equal(await byName('导入甲村'), undefined, 'nothing was written');
    await shot(page, '71-units-import-errors');

    await writeFile(join(dir, 'good.csv'), `${header}${a},导入甲村,${town.code},村,农业,1200,3.5\n${b},导入乙村,${town.code},社区,城镇,800,1\n`);
    await page.locator('[data-test="import-file"]').setInputFiles(join(dir, 'good.csv'));
    await page.locator('[data-test="import-success"]').getByText('新增 2 个单位').waitFor();
    const imported = await byName('导入乙村');
    assert.equal(imported.kind, 'community');
    assert.equal(imported.parent_id, town.id);
  });
});
