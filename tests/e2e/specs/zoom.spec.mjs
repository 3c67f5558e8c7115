// Text enlarged to 200 % (WCAG 1.4.4, 1.4.10): a 1440 × 900 screen at 200 % browser zoom is a
// 720 × 450 CSS-pixel viewport drawn at 2 device pixels per CSS pixel. Every page of the admin's
// menu must then fit the width — no sideways scrolling of the page (a wide table may scroll
// inside its own box) — with the menu, the user and the logout still on screen.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CONTEXT_OPTIONS, launch, login, settle, shot, visit } from '../lib/browser.mjs';

describe('200 % zoom', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => browser?.close());

  it('fits every menu page of the admin into 720 CSS px at 2× without losing content', async () => {
    const context = await browser.newContext({ ...CONTEXT_OPTIONS, viewport: { width: 720, height: 450 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await login(page, 'admin');
    await page.locator('[data-test="menu-toggle"]').click();
    const menu = page.locator('.el-drawer [data-test="side-menu"]');
    await menu.waitFor();
    const hrefs = await menu.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    await page.keyboard.press('Escape');
    assert.ok(hrefs.length >= 10, `the admin's menu (${hrefs.length} pages)`);
    for (const href of hrefs) {
      await visit(page, href);
      await settle(page);
      const fit = await page.evaluate(() => {
        const main = document.querySelector('.el-main');
        const onScreen = (sel) => {
          const box = document.querySelector(sel)?.getBoundingClientRect();
          return !!box && box.width > 0 && box.left >= 0 && box.right <= innerWidth + 1;
        };
        return {
          page: document.documentElement.scrollWidth - innerWidth,
          main: main ? main.scrollWidth - main.clientWidth : 0,
          controls: ['[data-test="menu-toggle"]', '[data-test="user-name"]', '[data-test="logout"]'].every(onScreen),
          text: (main?.innerText ?? '').trim().length,
        };
      });
      assert.ok(fit.page <= 1 && fit.main <= 1, `${href}: no sideways scrolling at 200 % (page ${fit.page}px, main ${fit.main}px)`);
      assert.ok(fit.controls, `${href}: menu, user and logout stay on screen`);
      assert.ok(fit.text > 0, `${href}: the page shows its content`);
    }
    await shot(page, '84-zoom-200-last-page');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
