// 账号安全 (issue 11): a user opens their signed-in devices from the name in the header and ends
// the sign-in of another device; the deployment's admin sees an account limited after wrong
// passwords and lifts the limit, and the ID numbers entered twice by units out of each other's scope.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, launch, login, newPage, shot } from '../lib/browser.mjs';

describe('account security: own sessions and login throttles', () => {
  let browser;
  let page;
  let other;

  before(async () => {
    browser = await launch();
    page = await newPage(browser);
    other = await newPage(browser, { width: 390, height: 844 });
    await login(other, 'admin'); // a second device of the same account
    await login(page, 'admin');
  });
  after(async () => {
    assert.deepEqual(page?.errors ?? [], [], 'no uncaught errors in the page');
    await browser?.close();
  });

  it('lists this device and the other one, and ends the other', async () => {
    await page.locator('[data-test="user-name"]').click();
    await page.waitForURL(/\/me\/security$/);
    const rows = page.locator('[data-test="sessions-table"] .el-table__body tr');
    await rows.nth(1).waitFor();
    assert.ok((await rows.count()) >= 2, 'both sign-ins are listed');
    await page.locator('[data-test="sessions-table"]', { hasText: '本机' }).waitFor();
    await shot(page, '80-account-sessions');
    await page.locator('[data-test="end-others"]').click();
    await page.locator('.el-message-box .el-button--primary').click();
    await page.getByText(/已结束 \d+ 个其他设备的登录/).waitFor();
    // The table reloads after the message: wait for the other row to go (a timeout fails the test).
    await rows.nth(1).waitFor({ state: 'detached' });
    assert.equal(await rows.count(), 1, 'only this device is left');
    // The other device is signed out: its next request answers 401.
    const answer = await other.request.get(`${BASE_URL}/api/v1/me`);
    assert.equal(answer.status(), 401);
  });

  it('shows an account limited after wrong passwords and lifts it', async () => {
    for (let i = 0; i < 6; i++) {
      await fetch(`${BASE_URL}/api/v1/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'judge', password: `wrong-${i}` }),
      });
    }
    await page.reload();
    const row = page.locator('[data-test="throttles-table"] .el-table__body tr', { hasText: '账号 judge' });
    await row.waitFor();
    await shot(page, '81-account-throttles');
    await row.locator('[data-test="lift"]').click();
    await page.getByText('已解除限制').waitFor();
    await row.waitFor({ state: 'detached' });
    const again = await fetch(`${BASE_URL}/api/v1/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'judge', password: 'lingyan-demo' }),
    });
    assert.equal(again.status, 200, 'the owner signs in at once after the lift');
  });

  it('lists an ID number entered twice by two counties, for admin to resolve', async () => {
    await page.goto(`${BASE_URL}/roster/shared-id-numbers`);
    const group = page.locator('[data-test="shared-id-group"]').first();
    await group.waitFor();
    // The demo's person who moved from 太仓 东林村 to 姜堰 甸头村 and was entered again there.
    await group.getByText('东林村').waitFor();
    await group.getByText('甸头村').waitFor();
    assert.match(await group.innerText(), /\*{8}/, 'the number is masked');
    await shot(page, '82-shared-id-numbers');
  });
});
