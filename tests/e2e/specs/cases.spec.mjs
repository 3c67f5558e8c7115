// 案例库 (他山之石): the demo holds the four seed articles as cases. The county officer opens the library
// from the menu, searches 跟岗培育 and finds the Nantong article with the words marked, narrows by year
// (kept in the address through a reload), opens a case and reads its text and 要素; imports seed 001 (a
// reprinted page in traditional characters with pinyin annotations and a spam line) from its file in
// the 导入案例 dialog, sees the preview say it was converted, how many annotations went and the spam
// among the dropped lines, saves it, finds it, renames it and deletes it. A secretary searches and
// reads but has no import, edit or delete; a member has no menu entry and /cases is not found. axe
// checks every state shown, at 1440 px and at 390 px (where nothing scrolls sideways).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { BASE_URL, api, launch, login, newPage, shot, watchConsole, visit } from '../lib/browser.mjs';
import { audit } from '../lib/a11y.mjs';

const DESK = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
// The seed article as it was copied from the web (the demo imports the same files: src/demo/cases).
const SEED_001 = fileURLToPath(new URL('../../../src/demo/cases/001_752085bce1b2bcbe.txt', import.meta.url));
const results = '[data-test="cases-results"]';

/** Waits until the results have loaded; returns the cards. */
async function loaded(page) {
  await page.locator(`${results}[data-loading="false"]`).waitFor();
  return page.locator(`${results} [data-test="case-card"]`);
}

/** The case ids of the cards shown, in order. */
async function shownIds(page) {
  const hrefs = await page.locator(`${results} [data-test="case-link"]`).evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  return hrefs.map((href) => Number(/\/cases\/(\d+)/.exec(href)[1]));
}

/** Searches `q` with the search box and the 查询 button; waits for the new address and the results. */
async function search(page, q) {
  await page.locator('input[data-test="cases-q"]').fill(q);
  await page.locator('[data-test="cases-apply"]').click();
  await page.waitForURL((url) => url.searchParams.get('q') === q);
  return loaded(page);
}

const noSideways = async (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('案例库 in the web', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => browser?.close());

  it('county searches 跟岗培育 from the menu and finds the Nantong article, the words marked', async () => {
    const page = await newPage(browser, DESK);
    const consoleErrors = watchConsole(page);
    await login(page, 'county');
    consoleErrors.length = 0; // the login page's GET /me before the session is a 401 by design
    const all = await api(page, '/cases?page=1&size=20');
    assert.ok(all.total >= 4, `the demo holds the four seed articles (${all.total})`);

    await page.locator('[data-test="side-menu"] a[href="/cases"]').click();
    await page.waitForURL((url) => url.pathname === '/cases');
    let cards = await loaded(page);
    assert.equal(await cards.count(), Math.min(all.total, 20));
    assert.deepEqual(await shownIds(page), all.items.map((c) => c.id), 'without words: newest first, as the server lists them');
    assert.equal((await page.locator('[data-test="cases-total"]').innerText()).trim(), `共 ${all.total} 个案例`);

    cards = await search(page, '跟岗培育');
    const found = await api(page, `/cases?q=${encodeURIComponent('跟岗培育')}&page=1&size=20`);
    assert.ok(found.total >= 1 && found.total < all.total, `跟岗培育 finds some cases: ${found.total}`);
    assert.deepEqual(await shownIds(page), found.items.map((c) => c.id));
    const nantong = page.locator(`${results} [data-test="case-card"]`, { hasText: '南通' }).first();
    await nantong.waitFor();
    const marks = await nantong.locator('[data-test="case-snippet"] mark').allInnerTexts();
    assert.ok(marks.length > 0 && marks.every((m) => m.includes('跟岗') || m.includes('培育')), `hits marked: ${marks}`);
    assert.match(await page.locator('[data-test="cases-total"]').innerText(), new RegExp(`找到 ${found.total} 个案例`));
    await shot(page, '140-cases-search');
    assert.deepEqual(page.errors, []);
    assert.deepEqual(consoleErrors, []);
  });

  it('narrows by year, kept in the address through a reload; several words must all appear', async () => {
    const page = await newPage(browser, DESK);
    await login(page, 'county');
    const { years } = await api(page, '/cases/years');
    assert.ok(years.length >= 2, `the seeds span years: ${years}`);
    const year = years[0];
    await page.goto(`${BASE_URL}/cases`);
    await loaded(page);
    await page.locator('[data-test="cases-year"]').click();
    const list = await page.locator('[data-test="cases-year"] input[role="combobox"]').getAttribute('aria-controls');
    await page.locator(`[id="${list}"] .el-select-dropdown__item`, { hasText: `${year} 年` }).click();
    await page.locator('[data-test="cases-apply"]').click();
    await page.waitForURL((url) => url.searchParams.get('year') === String(year));
    await loaded(page);
    const inYear = await api(page, `/cases?year=${year}&page=1&size=20`);
    assert.ok(inYear.total > 0);
    assert.deepEqual(await shownIds(page), inYear.items.map((c) => c.id));
    for (const meta of await page.locator(`${results} [data-test="case-meta"]`).allInnerTexts()) assert.match(meta, new RegExp(` · ${year}-`));

    await page.reload();
    await loaded(page);
    assert.equal(new URL(page.url()).search, `?year=${year}`);
    assert.equal((await page.locator('[data-test="cases-year"] .el-select__placeholder').innerText()).trim(), `${year} 年`, 'the select shows the year');
    assert.deepEqual(await shownIds(page), inYear.items.map((c) => c.id));

    // Two words: only the cases with both.
    await search(page, '跟岗培育 北联村');
    const both = await api(page, `/cases?q=${encodeURIComponent('跟岗培育 北联村')}&year=${year}&page=1&size=20`);
    assert.deepEqual(await shownIds(page), both.items.map((c) => c.id));
    // A word no case has: the no-match state, not the empty library's.
    await search(page, '没有这个词的案例');
    await page.locator('[data-test="cases-empty"]', { hasText: '没有符合条件的案例' }).waitFor();
    await page.locator('[data-test="cases-reset"]').click();
    await page.waitForURL((url) => url.search === '');
    await loaded(page);
    assert.deepEqual(page.errors, []);
  });

  it('opens a case from the results by keyboard: its text, source, date and 要素', async () => {
    const page = await newPage(browser, DESK);
    await login(page, 'county');
    await visit(page, `/cases?q=${encodeURIComponent('跟岗培育')}`);
    await loaded(page);
    const [id] = await shownIds(page);
    const detail = await api(page, `/cases/${id}`);
    const link = page.locator(`${results} [data-test="case-link"]`).first();
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === `/cases/${id}`);
    await page.locator('[data-test="case-title"]').waitFor();
    assert.equal((await page.locator('[data-test="case-title"]').innerText()).trim(), detail.title);
    const paragraphs = await page.locator('[data-test="case-text"] p').allInnerTexts();
    assert.deepEqual(paragraphs.map((p) => p.trim()), detail.paragraphs.map((p) => p.trim()));
    assert.ok(paragraphs.length > 3, 'the whole article');
    assert.doesNotMatch(paragraphs.join(''), /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/, 'no pinyin annotations left');
    const meta = await page.locator('[data-test="case-meta"]').innerText();
    if (detail.source) assert.ok(meta.includes(detail.source), meta);
    if (detail.url) assert.equal(await page.locator('[data-test="case-url"]').getAttribute('rel'), 'noopener noreferrer');
    const facts = page.locator('[data-test="case-facts"]');
    assert.equal(await facts.locator('[data-test="case-unit-link"]').count(), detail.units.length);
    for (const unit of detail.units.slice(0, 3)) assert.equal(await facts.locator(`a[href="/roster/units/${unit.id}"]`).count(), 1, unit.name);
    assert.ok(detail.facts.numbers.length > 0, 'the article names numbers');
    const firstNumber = facts.locator('[data-test="case-number"]').first();
    assert.equal((await firstNumber.locator('strong').innerText()).trim(), detail.facts.numbers[0].text);
    assert.equal((await firstNumber.locator('[data-test="case-number-context"]').innerText()).trim(), detail.facts.numbers[0].context.trim());
    assert.equal(await page.locator('[data-test="case-edit"]').count(), detail.can_edit ? 1 : 0, '编辑 where the server says the county may edit');
    await shot(page, '141-case-detail');
    assert.deepEqual(page.errors, []);
  });

  it('county imports seed 001 from its file: the preview cleans it; saves, finds, renames and deletes it', async () => {
    const page = await newPage(browser, DESK);
    const consoleErrors = watchConsole(page);
    await login(page, 'county');
    consoleErrors.length = 0;
    const before = await api(page, '/cases?page=1&size=50');
    await page.goto(`${BASE_URL}/cases`);
    await loaded(page);
    await page.locator('[data-test="case-import"]').click();
    const dialog = page.locator('.el-dialog', { has: page.locator('textarea[data-test="case-text"]') });
    await dialog.waitFor();
    await audit(page, 'import dialog, empty');

    await dialog.locator('input[data-test="case-file"]').setInputFiles(SEED_001);
    await dialog.locator('[data-test="case-file-name"]', { hasText: '001_752085bce1b2bcbe.txt' }).waitFor();
    await page.waitForFunction(() => document.querySelector('textarea[data-test="case-text"]')?.value.includes('張家港'));
    await dialog.locator('[data-test="case-preview"]').click();
    const preview = dialog.locator('[data-test="case-preview-result"]');
    await preview.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'case-preview-heading', 'the focus moves to the preview');
    assert.equal((await preview.locator('[data-test="preview-converted"]').innerText()).trim(), '已将繁体字转为简体');
    const pinyin = /已去除 (\d+) 处拼音注音/.exec(await preview.locator('[data-test="preview-pinyin"]').innerText());
    assert.ok(pinyin && Number(pinyin[1]) > 0, 'pinyin annotations removed');
    const title = await preview.locator('input[data-test="preview-title"]').inputValue();
    assert.match(title, /张家港/, `the title in simplified characters: ${title}`);
    assert.equal((await preview.locator('[data-test="preview-date"]').innerText()).trim(), '2021-03-22');
    assert.match(await preview.locator('[data-test="preview-source"]').innerText(), /中国组织人事报/);
    const summary = preview.locator('[data-test="preview-dropped"] summary');
    const dropped = Number(/已去除 (\d+) 行/.exec(await summary.innerText())[1]);
    await summary.click();
    const lines = await preview.locator('[data-test="preview-dropped-line"]').allInnerTexts();
    assert.equal(lines.length, dropped);
    assert.ok(lines.some((line) => line.includes('国产高清天天在线')), `the spam line is dropped: ${lines.join(' | ')}`);
    assert.ok(!(await preview.locator('[data-test="preview-paragraph"]').allInnerTexts()).join('').includes('国产'), 'and not in the text');
    await shot(page, '142-case-import-preview');

    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/cases') && r.request().method() === 'POST');
    await dialog.locator('[data-test="case-save"]').click();
    const created = await (await saved).json();
    assert.equal((await saved).status(), 201);
    await page.waitForURL((url) => url.pathname === `/cases/${created.id}`);
    await page.locator('[data-test="case-title"]', { hasText: '张家港' }).waitFor();
    assert.ok(!before.items.some((c) => c.id === created.id), 'a new case');

    // Found by a word of it (the demo's own copy of 001 is found too).
    await page.goto(`${BASE_URL}/cases`);
    await search(page, '薪火计划');
    assert.ok((await shownIds(page)).includes(created.id), 'the new case is found');

    // 编辑: a new title.
    await page.goto(`${BASE_URL}/cases/${created.id}`);
    await page.locator('[data-test="case-edit"]').click();
    const edit = page.locator('.el-dialog', { has: page.locator('input[data-test="case-edit-title"]') });
    await edit.waitFor();
    await audit(page, 'edit dialog');
    await edit.locator('input[data-test="case-edit-title"]').fill('张家港薪火计划（导入测试）');
    const patched = page.waitForResponse((r) => r.url().endsWith(`/api/v1/cases/${created.id}`) && r.request().method() === 'PATCH');
    await edit.locator('[data-test="case-edit-save"]').click();
    assert.equal((await patched).status(), 200);
    await page.locator('[data-test="case-title"]', { hasText: '张家港薪火计划（导入测试）' }).waitFor();
    assert.equal((await api(page, `/cases/${created.id}`)).title, '张家港薪火计划（导入测试）');

    // 删除, after the confirmation.
    await page.locator('[data-test="case-delete"]').click();
    const confirm = page.locator('.el-message-box');
    await confirm.waitFor();
    assert.match(await confirm.innerText(), /张家港薪火计划（导入测试）/);
    await audit(page, 'delete confirmation');
    const deleted = page.waitForResponse((r) => r.url().endsWith(`/api/v1/cases/${created.id}`) && r.request().method() === 'DELETE');
    await confirm.locator('.el-message-box__btns .el-button--primary').click();
    assert.equal((await deleted).status(), 204);
    await page.waitForURL((url) => url.pathname === '/cases');
    assert.equal((await page.request.get(`${BASE_URL}/api/v1/cases/${created.id}`)).status(), 404);
    assert.equal((await api(page, '/cases?page=1&size=50')).total, before.total);
    assert.deepEqual(page.errors, []);
    assert.deepEqual(consoleErrors.filter((e) => !e.includes('404')), [], 'no console error but the deleted case\'s 404');
  });

  it('fits a phone: the search and a case at 390 px, the 要素 under the text', async () => {
    const page = await newPage(browser, PHONE);
    await login(page, 'county');
    await visit(page, `/cases?q=${encodeURIComponent('跟岗培育')}`);
    await loaded(page);
    assert.ok((await noSideways(page)) <= 1, 'no sideways scroll on the search');
    await shot(page, '143-cases-phone');
    const [id] = await shownIds(page);
    await page.goto(`${BASE_URL}/cases/${id}`);
    await page.locator('[data-test="case-facts"]').waitFor();
    assert.ok((await noSideways(page)) <= 1, 'no sideways scroll on the case');
    const text = await page.locator('[data-test="case-text"]').boundingBox();
    const facts = await page.locator('[data-test="case-facts"]').boundingBox();
    assert.ok(facts.y >= text.y + text.height, '要素 under the text on a phone');
    await shot(page, '144-case-detail-phone');
    await page.goto(`${BASE_URL}/cases`);
    await loaded(page);
    await page.locator('[data-test="case-import"]').click();
    await page.locator('textarea[data-test="case-text"]').waitFor();
    await page.waitForTimeout(400);
    await audit(page, 'import dialog on a phone');
    assert.deepEqual(page.errors, []);
  });

  it('a secretary searches and reads, with no import, edit or delete', async () => {
    const page = await newPage(browser, DESK);
    await login(page, 'secretary');
    await page.locator('[data-test="side-menu"] a[href="/cases"]').click();
    await page.waitForURL((url) => url.pathname === '/cases');
    await loaded(page);
    assert.equal(await page.locator('[data-test="case-import"]').count(), 0, 'no 导入案例');
    await search(page, '跟岗培育');
    const [id] = await shownIds(page);
    assert.ok(id, 'the secretary finds the Nantong article');
    await page.locator(`${results} [data-test="case-link"]`).first().click();
    await page.waitForURL((url) => url.pathname === `/cases/${id}`);
    await page.locator('[data-test="case-text"] p').first().waitFor();
    assert.equal(await page.locator('[data-test="case-edit"]').count(), 0, 'no 编辑');
    assert.equal(await page.locator('[data-test="case-delete"]').count(), 0, 'no 删除');
    assert.equal((await api(page, `/cases/${id}`)).can_edit, false);
    const refused = await page.request.patch(`${BASE_URL}/api/v1/cases/${id}`, { data: { title: 'x' }, headers: { 'X-CSRF-Token': (await api(page, '/me')).csrf_token ?? '' } });
    assert.equal(refused.status(), 403, 'the server refuses an edit by a secretary');
    await shot(page, '145-case-secretary');
    assert.deepEqual(page.errors, []);
  });

  it('a member has no menu entry, and /cases shows it the not-found page', async () => {
    const page = await newPage(browser, DESK);
    await login(page, 'member');
    await page.locator('[data-test="side-menu"] a[href="/workbench"]').waitFor();
    assert.equal(await page.locator('[data-test="side-menu"] a[href="/cases"]').count(), 0);
    assert.equal((await page.request.get(`${BASE_URL}/api/v1/cases?page=1&size=1`)).status(), 403);
    await page.goto(`${BASE_URL}/cases`);
    await page.locator('[data-test="page-not-found"]').waitFor();
    assert.equal(await page.locator(results).count(), 0, 'no cases on the page');
    assert.equal(new URL(page.url()).pathname, '/cases');
    assert.deepEqual(page.errors, []);
  });
});
