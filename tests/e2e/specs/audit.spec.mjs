// 审计日志 (admin): the admin opens the log from the menu and reads the newest entries first with their
// total; filters 对象类型 = 交办事项 and sees only tickets, the filter kept in the address through a
// reload, and exports them all to Excel; opens an entry with the keyboard and reads it in full (a change's before and after, a long
// detail that scrolls); runs 校验审计链 and sees the chain intact; pages to 较早 and back. axe checks
// the page and the drawer at 1440 px and 390 px (where nothing scrolls sideways). A town officer has
// no menu entry, and /audit shows it the not-found page, as every page outside a role does.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, api, launch, login, newPage, shot, watchConsole, visit } from '../lib/browser.mjs';
import { settleMotion } from '../lib/a11y.mjs';
import { readXlsxRows, streamToBuffer } from '../lib/zip.mjs';

const DESK = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const table = '[data-test="audit-table"]';

/** Waits until the table has loaded (not loading, rows on screen); returns its rows. */
async function loaded(page) {
  await page.locator(`${table}[data-loading="false"]`).waitFor();
  const rows = page.locator(`${table} .el-table__body .el-table__row`);
  await rows.first().waitFor();
  return rows;
}

/** The seq of each row, read from the row's 查看 button (序号 is a column on the desk only). */
async function seqs(page) {
  const labels = await page.locator(`${table} [data-test="audit-open"]`).evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')));
  return labels.map((label) => Number(/(\d+)/.exec(label)[1]));
}

/** An instant as the page writes it: China time, yyyy-MM-dd HH:mm:ss. */
/** The boxes of the drawer's before and after, once it has slid into place. */
async function sides(page) {
  await settleMotion(page);
  return page.evaluate(() => {
    const box = (test) => document.querySelector(`[data-test="audit-drawer"] [data-test="${test}"]`).getBoundingClientRect().toJSON();
    return { before: box('audit-before'), after: box('audit-after') };
  });
}

const chinaTime = (iso) => new Date(new Date(iso).getTime() + 8 * 3600 * 1000).toISOString().slice(0, 19).replace('T', ' ');

/** Opens the select-field whose data-test is `test`; returns its options (its own list, not another select's closing one). */
async function openOptions(page, test) {
  await page.locator(`[data-test="${test}"]`).click();
  const list = await page.locator(`[data-test="${test}"] input[role="combobox"]`).getAttribute('aria-controls');
  const items = page.locator(`[id="${list}"] .el-select-dropdown__item`);
  await items.first().waitFor();
  return items;
}

/** Picks `option` in the select-field whose data-test is `test`. */
async function choose(page, test, option) {
  await (await openOptions(page, test)).filter({ hasText: option }).first().click();
}

describe('审计日志 in the web', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => browser?.close());

  it('admin reads the newest entries first with their total, from the menu', async () => {
    const page = await newPage(browser, DESK);
    const consoleErrors = watchConsole(page);
    await login(page, 'admin');
    consoleErrors.length = 0; // the login page's GET /me before the session is a 401 by design
    const newest = await api(page, '/audit?before=0&size=50&brief=1');
    assert.ok(newest.total > 50, `the demo has more than one page of entries (${newest.total})`);

    await page.locator('[data-test="side-menu"] a[href="/audit"]').click();
    await page.waitForURL((url) => url.pathname === '/audit');
    const rows = await loaded(page);
    assert.equal(await rows.count(), 50);
    assert.deepEqual(await seqs(page), newest.items.map((e) => e.seq), 'the rows are the newest 50, newest first');
    assert.equal((await page.locator('[data-test="audit-total"]').innerText()).trim(), `第 1–50 条，共 ${newest.total} 条`);
    const first = newest.items[0];
    const cells = (await rows.first().locator('td').allInnerTexts()).map((text) => text.trim());
    assert.equal(cells[0], String(first.seq));
    assert.equal(cells[1], chinaTime(first.at), 'the time in China time');
    assert.equal(cells[2], first.user);
    assert.ok(cells[5].length > 0 && cells[5].length <= 201, `the summary is the brief detail: ${cells[5]}`);
    await shot(page, '130-audit-log');
    assert.deepEqual(page.errors, []);
    assert.deepEqual(consoleErrors, []);
  });

  it('filters 对象类型 = 交办事项 and 操作, kept in the address through a reload', async () => {
    const page = await newPage(browser, DESK);
    await login(page, 'admin');
    await visit(page, '/audit');
    await loaded(page);
    await choose(page, 'audit-entity', /^交办事项$/);
    await page.locator('[data-test="audit-apply"]').click();
    await page.waitForURL((url) => url.searchParams.get('entity') === 'ticket');
    let rows = await loaded(page);
    const tickets = await api(page, '/audit?before=0&size=50&entity=ticket&brief=1');
    assert.ok(tickets.total > 0 && tickets.total < (await api(page, '/audit?before=0&size=1')).total, 'tickets are some of the entries');
    assert.deepEqual(await seqs(page), tickets.items.map((e) => e.seq));
    const objects = await page.locator(`${table} [data-test="audit-object"]`).allInnerTexts();
    assert.equal(objects.length, await rows.count());
    for (const text of objects) assert.match(text, /^交办事项 #\d+$/);
    assert.match(await page.locator('[data-test="audit-total"]').innerText(), new RegExp(`共 ${tickets.total} 条`));

    // 操作 now offers the ticket's actions only.
    const actions = await openOptions(page, 'audit-action');
    const offered = await actions.allInnerTexts();
    assert.ok(offered.includes('报结') && offered.includes('交办') && !offered.includes('发布'), offered.join(','));
    await actions.filter({ hasText: /^交办$/ }).click();
    await page.locator('[data-test="audit-apply"]').click();
    await page.waitForURL((url) => url.searchParams.get('action') === 'assign');
    rows = await loaded(page);
    for (const text of await page.locator(`${table} [data-test="audit-action-cell"]`).allInnerTexts()) assert.equal(text, '交办');

    await page.reload();
    rows = await loaded(page);
    assert.equal(new URL(page.url()).search, '?entity=ticket&action=assign');
    assert.equal(await page.locator('[data-test="audit-entity"] .el-select__placeholder').innerText(), '交办事项', 'the select shows the filter');
    for (const text of await page.locator(`${table} [data-test="audit-object"]`).allInnerTexts()) assert.match(text, /^交办事项 #\d+$/);
    await shot(page, '131-audit-filtered');

    // 导出 Excel: every assignment of the filters, not only the page — the same entries, newest first, whole.
    const assigned = await api(page, '/audit?before=0&size=1000&entity=ticket&action=assign');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="audit-export"]').click()]);
    assert.match(download.suggestedFilename(), /^审计日志-.*\.xlsx$/);
    const sheet = readXlsxRows(await download.createReadStream().then(streamToBuffer));
    assert.deepEqual(sheet[0], ['序号', '时间', '账号', '操作', '对象', '对象编号', '详情', '哈希', '操作代码', '对象代码']);
    assert.deepEqual(sheet.slice(1).map((r) => Number(r[0])), assigned.items.map((e) => e.seq));
    // In the page's words, with the codes last.
    assert.ok(sheet.slice(1).every((r) => r[3] === '交办' && r[4] === '交办事项' && r[8] === 'assign' && r[9] === 'ticket'));
    assert.deepEqual(sheet.slice(1).map((r) => r[7]), assigned.items.map((e) => e.hash));

    await page.locator('[data-test="audit-reset"]').click();
    await page.waitForURL((url) => url.search === '');
    await loaded(page);
    assert.deepEqual(page.errors, []);
  });

  it('opens an entry from the keyboard and reads it in full', async () => {
    const page = await newPage(browser, DESK);
    await login(page, 'admin');
    // A campaign's settings are a change: before and after, and the reason apart.
    await visit(page, '/audit?entity=campaign&action=settings');
    await loaded(page);
    const [seq] = await seqs(page);
    const full = await api(page, `/audit/${seq}`);
    await page.locator('[data-test="audit-verify"]').focus();
    for (let tabs = 0; tabs < 12; tabs++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.getAttribute('data-test') === 'audit-open')) break;
    }
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), `查看第 ${seq} 条审计记录`, 'Tab reaches the first row\'s 查看');
    await page.keyboard.press('Enter');
    const drawer = page.locator('[data-test="audit-drawer"]');
    await drawer.locator('[data-test="audit-before"]').waitFor();
    assert.match(await drawer.innerText(), new RegExp(`审计记录 #${seq}`));
    assert.equal((await drawer.locator('[data-test="audit-hash"]').innerText()).trim(), full.hash);
    assert.equal((await drawer.locator('[data-test="audit-prev-hash"]').innerText()).trim(), full.prev_hash);
    const detail = JSON.parse(full.detail);
    assert.deepEqual(JSON.parse(await drawer.locator('[data-test="audit-before"]').innerText()), detail.before);
    assert.deepEqual(JSON.parse(await drawer.locator('[data-test="audit-after"]').innerText()), detail.after);
    assert.match(await drawer.innerText(), /演示数据/, 'the reason is shown too');
    const desk = await sides(page);
    assert.ok(desk.after.x >= desk.before.right && desk.after.top === desk.before.top, `before and after side by side on a desk: ${JSON.stringify(desk)}`);
    await shot(page, '132-audit-entry');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), `查看第 ${seq} 条审计记录`, 'the focus returns to the row');

    // A campaign's facts can be hundreds of changes: the row shows the brief detail, cut; the drawer all of it, scrolling.
    await page.goto(`${BASE_URL}/audit?entity=campaign&action=facts`);
    await loaded(page);
    const cut = (await api(page, '/audit?before=0&size=50&entity=campaign&action=facts&brief=1')).items.find((e) => e.detail_cut);
    assert.ok(cut, 'a facts entry longer than the brief detail');
    const row = page.locator(`${table} .el-table__row`, { has: page.locator(`[aria-label="查看第 ${cut.seq} 条审计记录"]`) });
    assert.match(await row.locator('[data-test="audit-summary"]').innerText(), /…$/);
    await row.locator('[data-test="audit-open"]').click();
    const long = drawer.locator('[data-test="audit-detail"]');
    await long.waitFor();
    const whole = (await api(page, `/audit/${cut.seq}`)).detail;
    assert.ok(whole.length > 200);
    const pane = await long.evaluate((el) => ({ scrolls: el.scrollHeight > el.clientHeight, tabindex: el.getAttribute('tabindex') }));
    assert.ok(pane.scrolls, 'a long detail scrolls in its own box');
    assert.equal(pane.tabindex, '0', 'and the keyboard can scroll it');
    assert.deepEqual(page.errors, []);
  });

  it('verifies the chain: intact', async () => {
    const page = await newPage(browser, DESK);
    await login(page, 'admin');
    await visit(page, '/audit');
    await loaded(page);
    await page.locator('[data-test="audit-verify"]').click();
    const result = page.locator('[data-test="audit-verification"]');
    await result.waitFor();
    const text = await result.innerText();
    const found = /审计链完整：共 (\d+) 条，末条 #(\d+)，核对锚点 (\d+) 个/.exec(text);
    assert.ok(found, text);
    const verified = await api(page, '/audit/verify');
    assert.equal(verified.intact, true);
    assert.equal(Number(found[2]), verified.head_seq);
    assert.equal(Number(found[1]), verified.checked);
    assert.ok(await result.evaluate((el) => el.classList.contains('el-alert--success')));
    await shot(page, '133-audit-verified');
    assert.deepEqual(page.errors, []);
  });

  it('pages to 较早 and back to 较新 by keyset', async () => {
    const page = await newPage(browser, DESK);
    await login(page, 'admin');
    await visit(page, '/audit');
    await loaded(page);
    const newer = page.locator('[data-test="audit-newer"]');
    const older = page.locator('[data-test="audit-older"]');
    assert.ok(await newer.isDisabled(), '较新 is off on the newest page');
    const firstPage = await seqs(page);
    await older.click();
    await page.waitForFunction((seq) => !document.querySelector('[aria-label="查看第 ' + seq + ' 条审计记录"]'), firstPage[0]);
    await loaded(page);
    const secondPage = await seqs(page);
    assert.equal(secondPage.length, 50);
    assert.ok(secondPage[0] < firstPage[firstPage.length - 1], `older: ${secondPage[0]} < ${firstPage[firstPage.length - 1]}`);
    const expected = await api(page, `/audit?before=${firstPage[firstPage.length - 1]}&size=50&brief=1`);
    assert.deepEqual(secondPage, expected.items.map((e) => e.seq));
    assert.match(await page.locator('[data-test="audit-total"]').innerText(), /^第 51–100 条/);
    await older.click();
    await page.waitForFunction((seq) => !document.querySelector('[aria-label="查看第 ' + seq + ' 条审计记录"]'), secondPage[0]);
    await loaded(page);
    await newer.click();
    await page.waitForFunction((seq) => !!document.querySelector('[aria-label="查看第 ' + seq + ' 条审计记录"]'), secondPage[0]);
    assert.deepEqual(await seqs(page), secondPage);
    await newer.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((seq) => !!document.querySelector('[aria-label="查看第 ' + seq + ' 条审计记录"]'), firstPage[0]);
    await loaded(page);
    assert.deepEqual(await seqs(page), firstPage);
    assert.ok(await newer.isDisabled());
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-test')), 'audit-older', 'the focus stays on the pager');
    assert.deepEqual(page.errors, []);
  });

  it('fits a phone: the log and an entry at 390 px, one side under the other', async () => {
    const page = await newPage(browser, PHONE);
    await login(page, 'admin');
    await visit(page, '/audit?entity=campaign&action=settings');
    await loaded(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no sideways scroll (${overflow}px)`);
    for (const text of await page.locator(`${table} [data-test="audit-object"]`).allInnerTexts()) assert.match(text, /^考核活动 #\d+$/);
    await shot(page, '134-audit-phone');
    await page.locator(`${table} [data-test="audit-open"]`).first().click();
    const drawer = page.locator('[data-test="audit-drawer"]');
    await drawer.locator('[data-test="audit-after"]').waitFor();
    const phone = await sides(page);
    assert.ok(phone.after.top >= phone.before.bottom, `after under before on a phone: ${JSON.stringify(phone)}`);
    for (const box of [phone.before, phone.after]) assert.ok(box.left >= 0 && box.right <= PHONE.width, `inside the screen: ${JSON.stringify(box)}`);
    await shot(page, '135-audit-entry-phone');
    assert.deepEqual(page.errors, []);
  });

  it('a ticket\'s 审计记录 and an account\'s links open their history; a town officer sees no such link', async () => {
    const town = await newPage(browser, DESK);
    await login(town, 'town');
    const ticket = (await api(town, '/tickets?per_page=1')).items[0];
    assert.ok(ticket, 'the town has tickets');
    await town.goto(`${BASE_URL}/tickets/${ticket.id}`);
    await town.locator('[data-test="ticket-timeline"]').waitFor();
    assert.equal(await town.locator('[data-test="audit-link"]').count(), 0, 'no audit link for a town officer');

    const page = await newPage(browser, DESK);
    await login(page, 'admin');
    await visit(page, `/tickets/${ticket.id}`);
    await page.locator('[data-test="ticket-timeline"]').waitFor();
    await page.locator('[data-test="audit-link"]').click();
    await page.waitForURL((url) => url.pathname === '/audit' && url.searchParams.get('entity_id') === String(ticket.id));
    await loaded(page);
    const history = await api(page, `/audit?before=0&size=50&entity=ticket&entity_id=${ticket.id}&brief=1`);
    assert.ok(history.total > 0, 'the ticket has audit entries');
    assert.deepEqual(await seqs(page), history.items.map((e) => e.seq));
    for (const text of await page.locator(`${table} [data-test="audit-object"]`).allInnerTexts()) assert.equal(text, `交办事项 #${ticket.id}`);

    // An account's row: the changes made to it, and the changes it made.
    await page.goto(`${BASE_URL}/accounts`);
    await page.locator('[data-test="accounts-q"]').fill('town');
    const row = page.locator('.el-table__row', { has: page.locator('[data-test="account-edit-town"]') });
    await row.waitFor();
    const links = row.locator('[data-test="audit-link"]');
    assert.equal(await links.count(), 2);
    await links.nth(1).click();
    await page.waitForURL((url) => url.pathname === '/audit' && url.searchParams.get('user') === 'town');
    await loaded(page);
    const user = 'town';
    for (const cells of await page.locator(`${table} .el-table__body .el-table__row`).evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[2].innerText.trim())))
      assert.equal(cells, user);
    assert.deepEqual(page.errors, []);
    assert.deepEqual(town.errors, []);
  });

  it('a town officer has no menu entry, and /audit shows it the not-found page', async () => {
    const page = await newPage(browser, DESK);
    await login(page, 'town');
    await page.locator('[data-test="side-menu"] a[href="/accounts"]').waitFor();
    assert.equal(await page.locator('[data-test="side-menu"] a[href="/audit"]').count(), 0);
    assert.equal((await page.request.get(`${BASE_URL}/api/v1/audit?before=0&size=1`)).status(), 403);
    await page.goto(`${BASE_URL}/audit`);
    await page.locator('[data-test="page-not-found"]').waitFor();
    assert.equal(await page.locator(table).count(), 0, 'no log on the page');
    assert.equal(new URL(page.url()).pathname, '/audit');
    assert.deepEqual(page.errors, []);
  });
});
