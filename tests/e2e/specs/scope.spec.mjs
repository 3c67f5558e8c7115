// town: sees its own town, cannot open a unit outside its scope (direct URL → friendly page).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, api, launch, login, newPage, shot, visit } from '../lib/browser.mjs';
import { audit } from '../lib/a11y.mjs';

describe('a town operator stays inside its scope', () => {
  let browser;
  let outside;

  before(async () => {
    browser = await launch();
    // The admin's scope roots (cities or above) are outside any town's scope.
    const adminPage = await newPage(browser);
    await login(adminPage, 'admin');
    outside = (await api(adminPage, '/units')).items[0].id;
    await adminPage.context().close();
  });
  after(async () => browser?.close());

  it('logs in as town and lands on its own unit', async () => {
    const page = await newPage(browser);
    const me = await login(page, 'town');
    assert.equal(me.role, 'town');
    assert.notEqual(me.scope_unit_id, outside);
    await page.goto(`${BASE_URL}/roster/units`);
    await page.waitForURL(`**/roster/units/${me.scope_unit_id}`);
    await page.locator('[data-test="unit-name"]', { hasText: me.scope_unit_name }).waitFor();
    await shot(page, '10-town-unit');

    await page.goto(`${BASE_URL}/roster/units/${outside}`);
    await page.locator('[data-test="unit-not-found"]').waitFor();
    assert.ok((await page.locator('[data-test="unit-not-found"]').innerText()).includes('不在您的管理范围内'));
    await shot(page, '11-town-out-of-scope');

    // The API refuses it too (404, not the data).
    const response = await page.request.get(`${BASE_URL}/api/v1/units/${outside}`);
    assert.equal(response.status(), 404);

    await page.goto(`${BASE_URL}/no/such/page`);
    await page.locator('[data-test="page-not-found"]').waitFor();
    await audit(page, 'page not found');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  it('shows the dashboard for the town only', async () => {
    const page = await newPage(browser);
    const me = await login(page, 'town');
    await visit(page, '/dashboard');
    await page.locator('[data-test="dashboard-summary"]').waitFor();
    const stats = await api(page, `/units/${me.scope_unit_id}/stats`);
    assert.ok((await page.locator('[data-test="dashboard-summary"]').innerText()).includes(`共 ${stats.count} 人`));
    await page.goto(`${BASE_URL}/dashboard?unit=${outside}`);
    await page.locator('[data-test="dashboard-not-found"]').waitFor();
    await audit(page, 'dashboard out of scope');
    await page.context().close();
  });
});
