// 账号管理 (issue 14): a town officer creates a secretary account for a village of its town; the
// temporary password is shown once, and the list exports without it; the new member is sent to 修改密码 and can open nothing else
// until the password is changed (at 390 px, where the dialog and the page must fit the screen); an
// officer's link of a party member's account waits for its owner, who accepts on 账号安全.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, launch, login, newPage, shot, watchConsole, visit } from '../lib/browser.mjs';
import { readXlsxRows, streamToBuffer } from '../lib/zip.mjs';

async function fitsViewport(page, selector) {
  return page.evaluate((sel) => {
    const boxes = [...document.querySelectorAll(sel)].filter((e) => e.offsetParent !== null).map((e) => e.getBoundingClientRect());
    return boxes.length > 0 && boxes.every((b) => b.left >= 0 && b.right <= window.innerWidth + 1);
  }, selector);
}

describe('accounts in the web', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => browser?.close());

  const username = `e2e.sec.${Date.now() % 100000}`;
  let temporary = '';

  it('a town officer creates an account in its town and sees the temporary password once', async () => {
    const page = await newPage(browser, { width: 1440, height: 900 });
    const consoleErrors = watchConsole(page);
    await login(page, 'town');
    consoleErrors.length = 0; // the login page's GET /me before the session is a 401 by design
    await visit(page, '/accounts');
    await page.locator('[data-test="accounts-table"] .el-table__row').first().waitFor();
    const summary = await page.locator('[data-test="accounts-summary"]').innerText();
    assert.match(summary, /共 [1-9]\d* 个账号/, summary);
    assert.ok((await page.locator('[data-test="accounts-table"]').innerText()).includes('secretary'), 'the secretary of 灵湖村 is in the town');
    await shot(page, '90-accounts-list');

    await page.locator('[data-test="account-add"]').click();
    await page.locator('[data-test="account-username"]').fill(username);
    await page.locator('[data-test="account-display-name"]').fill('前塘村 新书记');
    await page.locator('.el-dialog [data-test="account-role"]').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: '村/社区书记' }).click();
    await page.locator('.el-dialog [data-test="unit-picker"]').click();
    await page.keyboard.type('前塘村');
    await page.locator('.el-select-dropdown__item', { hasText: '前塘村' }).first().click();
    await shot(page, '91-accounts-new');
    await page.locator('[data-test="account-save"]').click();
    const issued = page.locator('[data-test="issued-value"]');
    await issued.waitFor();
    temporary = (await issued.innerText()).trim();
    assert.equal(temporary.length, 12);
    await page.locator('[data-test="accounts-q"]').fill(username);
    await page.locator(`[data-test="account-reset-${username}"]`).waitFor();
    assert.ok((await page.locator('[data-test="accounts-table"]').innerText()).includes('待改初始密码'));

    // 导出 Excel: the search's one account as the list shows it — and never its password.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="accounts-export"]').click()]);
    assert.match(download.suggestedFilename(), /^账号清单-.*\.xlsx$/);
    const rows = readXlsxRows(await download.createReadStream().then(streamToBuffer));
    assert.deepEqual(rows.map((r) => r[0]), ['用户名', username]);
    assert.deepEqual(rows[1].slice(1, 7), ['前塘村 新书记', '村/社区书记', '前塘村', '启用', '是', '从未登录']);
    assert.ok(rows.flat().every((cell) => !cell.includes(temporary)));
    assert.deepEqual(page.errors, []);
    assert.deepEqual(consoleErrors, []);
  });

  it('the new secretary must change the password first, on a phone', async () => {
    const page = await newPage(browser, { width: 390, height: 844 });
    const consoleErrors = watchConsole(page);
    await page.goto(`${BASE_URL}/login`);
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="password"]').fill(temporary);
    await page.locator('[data-test="login-submit"]').click();
    await page.waitForURL((url) => url.pathname === '/password');
    await page.locator('[data-test="password-forced"]').waitFor();
    consoleErrors.length = 0; // the login page's GET /me before the session is a 401 by design
    // Any other page sends it back here.
    await page.goto(`${BASE_URL}/roster/people`);
    await page.waitForURL((url) => url.pathname === '/password');
    assert.ok(await fitsViewport(page, '[data-test="password-page"]'), 'the form fits 390 px');
    await shot(page, '92-password-first-login-phone');
    await page.locator('[data-test="password-current"]').fill(temporary);
    await page.locator('[data-test="password-next"]').fill('my-own-password-1');
    await page.locator('[data-test="password-confirm"]').fill('my-own-password-1');
    await page.locator('[data-test="password-submit"]').click();
    await page.waitForURL((url) => url.pathname !== '/password');
    await page.locator('[data-test="user-name"]').waitFor();
    const me = await (await page.request.get(`${BASE_URL}/api/v1/me`)).json();
    assert.equal(me.must_change_password, false);
    assert.deepEqual(page.errors, []);
    assert.deepEqual(consoleErrors, []);
  });

  it('fits the new-account dialog on a phone', async () => {
    const page = await newPage(browser, { width: 390, height: 844 });
    await login(page, 'town');
    await visit(page, '/accounts');
    await page.locator('[data-test="accounts-table"] .el-table__row').first().waitFor();
    await page.locator('[data-test="account-add"]').click();
    await page.locator('.el-dialog [data-test="account-save"]').waitFor();
    assert.ok(await fitsViewport(page, '.el-dialog'), 'the dialog fits 390 px');
    assert.ok(await fitsViewport(page, '.el-dialog__footer .el-button'), 'its buttons are on screen');
    await shot(page, '93-accounts-new-phone');
    assert.deepEqual(page.errors, []);
  });

  it('a town officer asks to link a party member\'s account, and only its owner makes the link', async () => {
    const officer = await newPage(browser, { width: 1440, height: 900 });
    await login(officer, 'town');
    const member = `e2e.mem.${Date.now() % 100000}`;
    await officer.goto(`${BASE_URL}/accounts`);
    await officer.locator('[data-test="accounts-table"] .el-table__row').first().waitFor();
    await officer.locator('[data-test="account-add"]').click();
    await officer.locator('[data-test="account-username"]').fill(member);
    await officer.locator('.el-dialog [data-test="account-role"]').click();
    await officer.locator('.el-select-dropdown__item:visible', { hasText: /^党员$/ }).click();
    await officer.locator('.el-dialog [data-test="unit-picker"]').click();
    await officer.keyboard.type('灵湖村');
    await officer.locator('.el-select-dropdown__item', { hasText: '灵湖村' }).first().click();
    await officer.locator('[data-test="account-save"]').click();
    const issued = officer.locator('[data-test="issued-value"]');
    await issued.waitFor();
    const password = (await issued.innerText()).trim();

    // The owner signs in on a phone and sets a password of their own.
    const owner = await newPage(browser, { width: 390, height: 844 });
    await owner.goto(`${BASE_URL}/login`);
    await owner.locator('input[name="username"]').fill(member);
    await owner.locator('input[name="password"]').fill(password);
    await owner.locator('[data-test="login-submit"]').click();
    await owner.waitForURL((url) => url.pathname === '/password');
    await owner.locator('[data-test="password-current"]').fill(password);
    await owner.locator('[data-test="password-next"]').fill('my-own-password-2');
    await owner.locator('[data-test="password-confirm"]').fill('my-own-password-2');
    await owner.locator('[data-test="password-submit"]').click();
    await owner.waitForURL((url) => url.pathname !== '/password');

    // The officer asks: nothing is linked yet.
    await officer.locator('[data-test="accounts-q"]').fill(member);
    await officer.locator(`[data-test="account-link-${member}"]`).click();
    await officer.locator('.el-dialog [data-test="account-link-member"]').click();
    await officer.locator('.el-select-dropdown__item:visible').first().click();
    await shot(officer, '94-accounts-link');
    await officer.locator('[data-test="account-link-save"]').click();
    await officer.getByText(`已向账号 ${member} 发出关联请求`).waitFor();
    assert.equal((await owner.request.get(`${BASE_URL}/api/v1/points/me`)).status(), 404);

    // The owner accepts on 账号安全.
    await owner.goto(`${BASE_URL}/me/security`);
    const request = owner.locator('[data-test="link-requests-table"] .el-table__row').first();
    await request.waitFor();
    assert.match(await request.innerText(), /town/);
    await shot(owner, '95-account-link-request-phone');
    await request.locator('[data-test="link-accept"]').click();
    await owner.getByText(/已关联到党员/).waitFor();
    assert.equal((await owner.request.get(`${BASE_URL}/api/v1/points/me`)).status(), 200);
    assert.deepEqual(officer.errors, []);
    assert.deepEqual(owner.errors, []);
  });
});
