// secretary on a phone-width screen: collapsed menu that opens as a drawer; the 积分公示 tables and
// the 积分审核 list (cards, not a table) with its dialogs fit 390 px.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, PASSWORD, insideViewport, launch, login, newPage, shot, visit } from '../lib/browser.mjs';

describe('secretary on a phone', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => browser?.close());

  it('uses a collapsible menu at 390 px', async () => {
    const page = await newPage(browser, { width: 390, height: 844 });
    const probe = await page.request.post(`${BASE_URL}/api/v1/session`, { data: { username: 'secretary', password: PASSWORD } });
    assert.equal(probe.status(), 200, 'the demo has a "secretary" account');
    await page.context().clearCookies();
    const me = await login(page, 'secretary', { screenshot: '30-phone-login' });
    assert.equal(me.role, 'secretary');
    assert.equal(await page.locator('.el-aside').count(), 0, 'no fixed side menu on a phone');
    await page.locator('[data-test="workbench"] [data-test="card-count"]').first().waitFor();
    await page.goto(`${BASE_URL}/roster/units`);
    await page.locator('[data-test="unit-name"]').waitFor();
    await shot(page, '31-phone-unit');
    await page.locator('[data-test="menu-toggle"]').click();
    const drawer = page.locator('.el-drawer [data-test="side-menu"]');
    await drawer.waitFor();
    assert.ok(!(await drawer.innerText()).includes('导入导出'), 'secretaries have no import/export');
    // Focus moves into the menu when the drawer opens (on the current page's entry), and the
    // arrow keys move among the entries.
    await page.waitForFunction(() => !!document.activeElement?.closest('.el-drawer [data-test="side-menu"]'));
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim());
    const start = await focused();
    await page.keyboard.press('ArrowDown');
    assert.notEqual(await focused(), start, 'ArrowDown moves to the next menu entry');
    await page.keyboard.press('ArrowUp');
    assert.equal(await focused(), start, 'ArrowUp moves back');
    await shot(page, '32-phone-menu');
    await drawer.locator('a', { hasText: '班子结构' }).click();
    await page.locator('[data-test="dashboard-summary"]').waitFor();
    await shot(page, '33-phone-dashboard');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no horizontal page scroll (${overflow}px)`);
    assert.deepEqual(page.errors, []);
  });

  it('keeps the top bar’s mark, bell and name apart at 390 px, even for a long account name (and on a desktop)', async () => {
    for (const [user, width] of [['member', 390], ['keqiao', 390], ['town', 1440]]) {
      const page = await newPage(browser, { width, height: 844 });
      await login(page, user);
      // The unread count comes after the page: measure once the badge is there.
      await page.locator('[data-test="notification-bell"] .el-badge__content').waitFor();
      const boxes = await page.evaluate(() =>
        // The bell's unread badge sticks out of the bell: it, not the bell, must end before the language switch.
        ['[data-test="menu-toggle"]', '.topbar .logo', '[data-test="notification-bell"]', '[data-test="notification-bell"] .el-badge__content', '[data-test="locale-switch"]', '[data-test="user-name"]', '[data-test="logout"]'].map((sel) => {
          const box = document.querySelector(sel).getBoundingClientRect();
          return { sel, left: box.left, right: box.right, width: box.width };
        }),
      );
      for (let i = 1; i < boxes.length; i += 1)
        if (i !== 3) // the badge sits over the bell's corner
          assert.ok(boxes[i - 1].right <= boxes[i].left, `${user}: ${boxes[i - 1].sel} ends at ${boxes[i - 1].right}, ${boxes[i].sel} starts at ${boxes[i].left}`);
      assert.ok(boxes.at(-1).right <= width, `${user}: the logout button is inside the screen`);
      // A short name (演示党员, 孙海燕) is shown whole; a long one (柯桥区委组织部) is cut short but keeps
      // room for four characters.
      const [whole, room] = await page
        .locator('[data-test="user-name"]')
        .evaluate((e) => [e.scrollWidth <= e.clientWidth, e.getBoundingClientRect().width]);
      if (user === 'keqiao') assert.ok(room >= 64, `keqiao: the account name keeps some room (${room} px)`);
      else assert.ok(whole, `${user}: the account name is not cut short`);
      const nameWidth = await page.locator('.topbar .app-name').evaluate((e) => e.getBoundingClientRect().width);
      assert.ok(nameWidth === 0 || nameWidth >= 30, `${user}: the system's name is shown whole or not at all (${nameWidth} px)`);
      await page.context().close();
    }
  });

  it('fits the 积分公示 tables inside their card at 390 px', async () => {
    const page = await newPage(browser, { width: 390, height: 844 });
    await login(page, 'secretary');
    await visit(page, '/points/publicity');
    await page.locator('[data-test="publicity-totals"] .el-table__row').first().waitFor();
    for (const table of ['publicity-events', 'publicity-totals']) {
      const box = page.locator(`[data-test="${table}"]`);
      if ((await box.count()) === 0) continue; // no approved item in the window: the empty state shows
      const spill = await box.evaluate((el) => el.querySelector('.el-table__body').getBoundingClientRect().width - el.getBoundingClientRect().width);
      assert.ok(spill <= 1, `${table}: the table is ${spill}px wider than its box`);
    }
    await shot(page, '34-phone-publicity');
    assert.deepEqual(page.errors, []);
  });

  it('fits the 积分审核 list and every dialog’s buttons inside 390 px', async () => {
    const page = await newPage(browser, { width: 390, height: 844 });
    await login(page, 'secretary');
    await visit(page, '/points/approvals');
    const rows = page.locator('[data-test="approval-list"] [data-test="approval-row"]');
    await rows.first().waitFor();
    const pending = (await page.request.get(`${BASE_URL}/api/v1/points/approvals?limit=1`).then((r) => r.json())).total;
    assert.ok(pending > 0, 'the secretary has declarations to approve');
    const card = page.locator('[data-test="approvals"]');
    const spill = await card.evaluate((el) => el.querySelector('[data-test="approval-list"]').scrollWidth - el.getBoundingClientRect().width);
    assert.ok(spill <= 1, `the list is ${spill}px wider than its card`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no horizontal page scroll (${overflow}px)`);
    for (const name of ['approval-pick', 'approval-member', 'approve', 'reject'])
      assert.ok(await insideViewport(page, rows.first().locator(`[data-test="${name}"]`)), `${name} inside the viewport`);
    await shot(page, '35-phone-approvals');

    // 批量记录: the dialog and its buttons.
    await page.locator('[data-test="bulk-open"]').click();
    const dialog = page.locator('.el-dialog:visible');
    await dialog.waitFor();
    assert.ok(await insideViewport(page, dialog), 'the 批量记录 dialog fits');
    const buttons = dialog.locator('.el-dialog__footer .el-button');
    assert.ok((await buttons.count()) >= 2);
    for (let i = 0; i < (await buttons.count()); ++i) assert.ok(await insideViewport(page, buttons.nth(i)), `dialog button ${i} inside the viewport`);
    await shot(page, '36-phone-bulk-record');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // The rejection prompt.
    await rows.first().locator('[data-test="reject"]').click();
    const box = page.locator('.el-message-box');
    await box.waitFor();
    const boxButtons = box.locator('.el-message-box__btns .el-button');
    assert.equal(await boxButtons.count(), 2);
    for (let i = 0; i < 2; ++i) assert.ok(await insideViewport(page, boxButtons.nth(i)), `prompt button ${i} inside the viewport`);
    await boxButtons.first().click();  // cancel: nothing is rejected
    await box.waitFor({ state: 'hidden' });
    assert.deepEqual(page.errors, []);
  });
});
