// 工作台 (issue 14): every demo role lands on its workbench after login, sees real work in its
// scope (some card counts more than zero), opens a card with one click, and the page passes axe at
// 1440 px and 390 px without a console error. And each demo account's own work, as the articles
// give it (issue 14 §3): the town (临湖镇) a campaign of its villages, their income indicators,
// decisions on its village secretaries and its 躺平奖 nominations; the county (姜堰区) points members,
// its talent pool; the judge the contest it judges; secretary and member their tasks.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, api, launch, login, newPage, shot } from '../lib/browser.mjs';

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

  it('every demo account has the work of its place in the articles', async () => {
    const page = await newPage(browser);
    const as = async (role) => {
      await page.context().clearCookies();
      return login(page, role);
    };
    const names = (list) => list.items.map((x) => x.name);

    const town = await as('town');
    assert.equal(town.scope_unit_name, '临湖镇');
    assert.ok(names(await api(page, '/campaigns')).some((n) => n.includes('临湖镇村级集体经济')), 'the town sees its village campaign');
    assert.ok((await api(page, '/metrics')).items.includes('村集体经营性收入'), 'and its villages\' income indicators');
    const decisions = (await api(page, '/decisions')).items;
    assert.ok(decisions.length >= 2, 'decisions on its village secretaries');
    for (const d of decisions) assert.ok(['灵湖村', '采莲村', '前塘村', '临湖镇'].includes(d.unit), d.unit);
    assert.ok((await api(page, '/tangping/nominations')).items.some((n) => n.nominated_by === 'town'), 'its own nomination');

    await as('county');
    assert.ok((await api(page, '/points/members?limit=5')).items.length > 0, 'the county has points members');
    assert.ok(names(await api(page, '/pools')).includes('姜堰区镇村年轻干部雁阵队伍'), 'and its own talent pool');

    await as('judge');
    assert.ok((await api(page, '/contests')).items.some((c) => c.name.includes('柯桥区')), 'the judge sees the contest');

    const secretary = await as('secretary');
    assert.equal(secretary.scope_unit_name, '灵湖村');
    assert.ok((await api(page, '/tickets?open=true')).total > 0, 'the secretary has open tasks');

    await as('member');
    assert.ok((await api(page, '/tickets')).total > 0, 'the member follows the 民情 raised');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

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
