// 工作台 (issue 14): every demo role lands on its workbench after login, sees real work in its
// scope (some card counts more than zero), opens a card with one click, and the page passes axe at
// 1440 px and 390 px without a console error.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, launch, login, newPage, shot } from '../lib/browser.mjs';

const ROLES = ['admin', 'county', 'town', 'secretary', 'judge', 'member'];
const WIDTHS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
];

describe('the workbench of every role', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => browser?.close());

  for (const viewport of WIDTHS) {
    for (const role of ROLES) {
      it(`${role} at ${viewport.width} px`, async () => {
        const page = await newPage(browser, viewport);
        const consoleErrors = [];
        page.on('console', (msg) => {
          if (msg.type() === 'error') consoleErrors.push(msg.text());
        });
        await login(page, role);
        consoleErrors.length = 0; // the login page's GET /me before the session is a 401 by design
        await page.waitForURL('**/workbench');
        const cards = page.locator('[data-test="workbench"] a[data-test^="card-"]');
        await cards.first().waitFor();
        const api = await (await page.request.get(`${BASE_URL}/api/v1/workbench`)).json();
        assert.equal(await cards.count(), api.cards.length, 'one card per item the server counts');
        const counts = await page.locator('[data-test="workbench"] [data-test="card-count"]').allInnerTexts();
        const total = counts.reduce((sum, text) => sum + Number(text.replace(/,/g, '')), 0);
        assert.ok(total > 0, `${role} has real work in the demo: ${JSON.stringify(api.cards.map((c) => [c.key, c.count]))}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 1, `no horizontal page scroll (${overflow}px)`);
        await shot(page, `95-workbench-${role}-${viewport.width}`);

        // One click to the first card with work.
        const busy = api.cards.find((c) => c.count > 0);
        await page.locator(`[data-test="card-${busy.key}"]`).click();
        await page.waitForURL((url) => `${url.pathname}${url.search}` === busy.path);
        await page.waitForLoadState('networkidle');
        assert.deepEqual(page.errors, []);
        assert.deepEqual(consoleErrors, []);
        await page.context().close();
      });
    }
  }
});
