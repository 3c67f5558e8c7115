// secretary on a phone-width screen: collapsed menu that opens as a drawer.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, PASSWORD, launch, login, newPage, shot } from '../lib/browser.mjs';

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

  it('fits the 积分公示 tables inside their card at 390 px', async () => {
    const page = await newPage(browser, { width: 390, height: 844 });
    await login(page, 'secretary');
    await page.goto(`${BASE_URL}/points/publicity`);
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
});
