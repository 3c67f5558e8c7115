// Import a good and a bad roster sheet (errors listed, nothing written) and export a list.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE_URL, api, launch, login, newPage, shot } from '../lib/browser.mjs';
import { idNumber, sheetRows, templateHeader, toCsv, toXlsx } from '../lib/sheets.mjs';
import { countXlsxRows } from '../lib/zip.mjs';

describe('import and export', () => {
  let browser;
  let page;
  let dir;
  let village;
  let header;

  before(async () => {
    browser = await launch();
    page = await newPage(browser);
    dir = await mkdtemp(join(tmpdir(), 'lingyan-e2e-'));
    await login(page, 'admin');
    village = (await api(page, `/units?q=${encodeURIComponent('北联村')}`)).items[0];
    assert.ok(village, 'the demo has 北联村');
  });
  after(async () => {
    assert.deepEqual(page?.errors ?? [], []);
    await browser?.close();
  });

  const countByName = async (name) => (await api(page, `/people?q=${encodeURIComponent(name)}&size=1`)).total;

  async function uploadFile(path) {
    await page.goto(`${BASE_URL}/exchange`);
    await page.locator('[data-test="import-file"]').setInputFiles(path);
  }

  it('downloads the template', async () => {
    await page.goto(`${BASE_URL}/exchange`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="import-template"]').click()]);
    const file = join(dir, 'template.xlsx');
    await download.saveAs(file);
    const data = await readFile(file);
    assert.equal(data.subarray(0, 2).toString('latin1'), 'PK');
    header = templateHeader(data);
    assert.ok(header.length >= 3, `template has a header row: ${header.join(',')}`);
    await shot(page, '20-import');
  });

  it('refuses a bad sheet whole and lists every bad row', async () => {
    const bad = [
      { unitCode: '999999999999', unitName: '不存在的村', name: '测试坏行甲', gender: '未知', birth: '1990/13/45', education: '博士后', title: '书记', start: '2024-01-01', idNumber: '123', phone: '1' },
      { unitCode: village.code, unitName: village.name, name: '测试坏行乙', gender: '男', birth: '不是日期', education: '本科', title: '委员', start: '2024-01-01', idNumber: idNumber('32050919900101001'), phone: '13900000000' },
    ];
    const good = { unitCode: village.code, unitName: village.name, name: '测试好行丙', gender: '女', birth: '1991-03-04', education: '本科', title: '委员', start: '2024-01-01', partyJoin: '2015-07-01', idNumber: idNumber('32050919910304002'), phone: '13900000001' };
    const file = join(dir, 'bad-roster.csv');
    await writeFile(file, toCsv(sheetRows(header, [good, ...bad])));
    await uploadFile(file);
    const table = page.locator('[data-test="import-errors-table"]');
    await table.waitFor();
    const rows = await table.locator('.el-table__body tr').count();
    assert.ok(rows >= 2, `at least one error per bad row, got ${rows}`);
    const text = await page.locator('[data-test="import-errors"]').innerText();
    assert.ok(text.includes('未写入任何数据'));
    await shot(page, '21-import-rejected');
    assert.equal(await countByName('测试好行丙'), 0, 'the good row of a refused sheet is not written');
    assert.equal(await countByName('测试坏行乙'), 0);
  });

  it('previews a good sheet, then imports it on confirmation and reports the counts', async () => {
    // Names may not contain digits: spell a unique suffix in Chinese numerals.
    const name = `导入测试${[...String(Date.now() % 10000)].map((d) => '零壹贰叁肆伍陆柒捌玖'[Number(d)]).join('')}`;
    const person = { unitCode: village.code, unitName: village.name, name, gender: '男', birth: '1990-05-01', education: '本科', title: '委员', start: '2024-01-01', partyJoin: '2012-07-01', idNumber: idNumber('32050919900501123'), phone: '13900000002' };
    const file = join(dir, 'good-roster.xlsx');
    await writeFile(file, toXlsx(sheetRows(header, [person])));
    const before = await countByName(name);
    // Hold the server's answer a moment so the progress indicator can be seen and checked.
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await uploadFile(file);
    // First the preview (?dry_run=1): what would be created, nothing written yet.
    const preview = page.locator('[data-test="import-preview"]');
    await preview.waitFor();
    assert.match(await preview.innerText(), /新增 1 人/);
    await shot(page, '22b-import-preview');
    assert.equal(await countByName(name), before, 'a preview writes nothing');
    await page.route('**/api/v1/import/roster', async (route) => {
      await held;
      await route.continue();
    });
    await page.locator('[data-test="import-confirm"]').click();
    const progress = page.locator('[data-test="import-progress"]');
    await progress.waitFor();
    await shot(page, '22a-import-progress');
    release();
    await progress.waitFor({ state: 'detached' });
    await page.unroute('**/api/v1/import/roster');
    const success = page.locator('[data-test="import-success"]');
    await success.waitFor();
    assert.match(await success.innerText(), /导入成功：新增 1 人/);
    await shot(page, '22-import-success');
    assert.equal(await countByName(name), before + 1);
  });

  it('exports the filtered people list as an .xlsx with rows', async () => {
    await page.goto(`${BASE_URL}/roster/people?unit=${village.id}`);
    await page.locator('[data-test="people-table"] .el-table__row').first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="people-export"]').click()]);
    assert.match(download.url() + download.suggestedFilename(), /xlsx|blob:/);
    const file = join(dir, 'export.xlsx');
    await download.saveAs(file);
    const data = await readFile(file);
    assert.equal(data.subarray(0, 2).toString('latin1'), 'PK', 'an .xlsx is a zip');
    const listed = (await api(page, `/people?unit=${village.id}&size=1`)).total;
    const rows = countXlsxRows(data);
    assert.ok(rows >= listed, `export has a row per person (${rows} rows for ${listed} people)`);
  });

  it('exports the sub-units of a unit from its page', async () => {
    await page.goto(`${BASE_URL}/roster/units/${village.parent_id}`);
    await page.locator('[data-test="unit-export"]').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="unit-export"]').click()]);
    const file = join(dir, 'units.xlsx');
    await download.saveAs(file);
    const data = await readFile(file);
    assert.equal(data.subarray(0, 2).toString('latin1'), 'PK');
    const children = (await api(page, `/units?parent=${village.parent_id}&size=1`)).total;
    assert.ok(countXlsxRows(data) >= children, 'a row per sub-unit');
  });
});
