// 项目 (揭榜挂帅): the 临湖镇 office (town) publishes a project; the 灵湖村 secretary, on a phone
// (390 px), finds it with the "open to claim" filter and claims it — owner picked by keyboard, a
// responsibility and a milestone in working days; the office confirms the claim; the secretary
// reports progress with a figure, closing the milestone. Every page is checked with axe and saved as
// a screenshot for the docs; the list's colour filter and the 书记项目 campaign subjects are checked too.
// The report carries a photo taken on the phone: its thumbnail shows under the report and its
// timeline step. The list pages (20 a page); admin publishes a 揭榜挂帅 project for a town's office.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, api, canvasPhoto, launch, login, newPage, shot, visit } from '../lib/browser.mjs';
import { readXlsxRows, streamToBuffer } from '../lib/zip.mjs';

// Element Plus puts data-test on the inner input of el-input: accept either place.
const input = (page, name, tag = 'input') => page.locator(`${tag}[data-test="${name}"], [data-test="${name}"] ${tag}`).first();

const photo = (page, name) => canvasPhoto(page, name, { background: '#58a', square: '#eb3' });

async function waitState(page, label) {
  await page.locator('[data-test="project-state"]', { hasText: label }).first().waitFor();
}

describe('projects: publish → claim → confirm → progress', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => browser?.close());

  it('the office publishes, the secretary claims on a phone, the office confirms, the secretary reports', async () => {
    // 1. The town office publishes a 揭榜挂帅 project.
    const office = await newPage(browser, { width: 1440, height: 900 });
    await login(office, 'town');
    await visit(office, '/projects');
    await office.locator('[data-test="project-card"]').first().waitFor();
    await shot(office, '86-projects-list');
    await office.locator('[data-test="project-publish"]').click();
    const dialog = office.locator('.el-dialog:visible');
    const title = `e2e 村级光伏发电项目 ${Date.now()}`;
    await input(dialog, 'project-title').fill(title);
    await input(dialog, 'project-detail', 'textarea').fill('利用村集体厂房屋顶建设分布式光伏，年内并网发电。');
    await shot(office, '87-projects-publish');
    await dialog.locator('[data-test="project-save"]').click();
    await office.waitForURL(/\/projects\/\d+$/);
    const id = Number(new URL(office.url()).pathname.split('/').pop());
    await waitState(office, '待揭榜');
    assert.deepEqual(office.errors, []);

    // 2. The secretary on a phone: the open-to-claim filter, the claim button, the claim form.
    const phone = await newPage(browser, { width: 390, height: 844 });
    await login(phone, 'secretary');
    await visit(phone, '/projects');
    await phone.locator('[data-test="project-card"]').first().waitFor();
    await phone.locator('[data-test="filter-claimable"]').click();
    // Only what the secretary may claim is listed.
    const claimable = (await api(phone, '/projects?claimable=true')).total;
    const all = (await api(phone, '/projects')).total;
    assert.ok(claimable >= 2 && claimable < all, `${claimable} of ${all} open to claim`);
    await phone.waitForFunction((n) => document.querySelectorAll('[data-test="project-card"]').length === n, claimable);
    const card = phone.locator('[data-test="project-card"]', { hasText: title });
    await card.locator(`[data-test="claim-${id}"]`).waitFor();
    assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'no horizontal scroll at 390 px');
    await shot(phone, '88-projects-claimable-phone');
    await card.locator(`[data-test="claim-${id}"]`).click();
    await phone.waitForURL(`**/projects/${id}?act=claim`);
    const claim = phone.locator('.el-dialog:visible');
    await claim.waitFor();
    // The owner by keyboard: focus the select, open it with the arrow key, take the first person.
    await input(claim, 'claim-owner').focus();
    await phone.keyboard.press('ArrowDown');
    await phone.locator('.el-select-dropdown:visible .el-select-dropdown__item').first().waitFor();
    await phone.keyboard.press('ArrowDown');
    await phone.keyboard.press('Enter');
    await input(claim, 'claim-responsibility', 'textarea').fill('村书记牵头，村委会主任负责施工协调');
    await input(claim, 'milestone-title-0').fill('完成备案并开工');
    await shot(phone, '89-projects-claim-phone');
    await claim.locator('[data-test="action-save"]').click();
    await claim.waitFor({ state: 'hidden' });
    await waitState(phone, '已揭榜待确认');
    const claimed = await api(phone, `/projects/${id}`);
    assert.equal(claimed.unit, '灵湖村');
    assert.ok(claimed.owner, 'an owner from the roster');
    assert.equal(claimed.milestones.length, 1);
    assert.deepEqual(phone.errors, []);

    // 3. The office confirms.
    await office.reload();
    await office.locator('[data-test="action-confirm"]').click();
    await waitState(office, '推进中');

    // 4. The secretary reports progress with a figure and closes the milestone.
    await phone.reload();
    await phone.locator('[data-test="action-report"]').click();
    const report = phone.locator('.el-dialog:visible');
    await input(report, 'report-text', 'textarea').fill('已完成电网接入备案，屋顶加固开工');
    await report.locator('[data-test="report-done"]').click();
    await report.locator('[data-test="figure-add"]').click();
    await input(report, 'figure-name-0').fill('装机容量');
    await input(report, 'figure-value-0').fill('120');
    await report.locator('[data-test="report-photo"]').setInputFiles(await photo(phone, '屋顶现场.jpg'));
    await report.locator('.chosen li', { hasText: '屋顶现场.jpg' }).waitFor();
    await shot(phone, '90-projects-report-phone');
    await report.locator('[data-test="action-save"]').click();
    await report.waitFor({ state: 'hidden' });
    await phone.locator('[data-test="project-report"]', { hasText: '装机容量' }).waitFor();
    const steps = await phone.locator('[data-test="project-timeline"] .el-timeline-item').count();
    assert.equal(steps, 4, 'create, claim, confirm, report');
    // The photo: one thumbnail under the report, one under its timeline step, both decoded.
    await phone.waitForFunction(() => {
      const imgs = [...document.querySelectorAll('[data-test="attachment-thumb"]')];
      return imgs.length === 2 && imgs.every((img) => img.complete && img.naturalWidth > 0);
    });
    const files = await api(phone, `/attachments?owner=project&owner_id=${id}`);
    assert.equal(files.items.length, 1);
    assert.equal(files.items[0].sub_id, (await api(phone, `/projects/${id}`)).reports[0].id);
    assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'no horizontal scroll with the photo');
    const done = await api(phone, `/projects/${id}`);
    assert.equal(done.milestones_done, 1);
    assert.equal(done.reports[0].figures[0].value, 120);
    await shot(phone, '91-projects-detail-phone');
    assert.deepEqual(phone.errors, []);

    // 5. The office completes it; it leaves the running list.
    await office.reload();
    await office.locator('[data-test="action-complete"]').click();
    await office.locator('.el-dialog:visible [data-test="action-save"]').click();
    await waitState(office, '已完成');
    await shot(office, '92-projects-detail');
    assert.deepEqual(office.errors, []);
    await office.context().close();
    await phone.context().close();
  });

  it('the county filters its 书记项目 by colour, exports them as its ledger, and its campaign ranks projects', async () => {
    const county = await newPage(browser, { width: 1440, height: 900 });
    await login(county, 'county');
    const all = await api(county, '/projects?kind=secretary');
    assert.ok(all.total >= 13, `${all.total} 书记项目`);
    const colours = new Set(all.items.map((p) => p.colour));
    for (const c of ['red', 'yellow', 'none']) assert.ok(colours.has(c), `a ${c} project: ${[...colours]}`);
    await county.goto(`${BASE_URL}/projects`);
    await county.locator('[data-test="project-card"]').first().waitFor();
    await county.locator('[data-test="filter-colour"]').click();
    await county.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: '已超期' }).first().click();
    // The unfiltered list has red cards too: wait for the filtered total, then count the cards.
    const red = await api(county, '/projects?colour=red');
    await county.locator('[data-test="projects-total"]', { hasText: `共 ${red.total} 个项目` }).waitFor();
    await county.locator('[data-test="colour-red"]').first().waitFor();
    const cards = await county.locator('[data-test="project-card"]').count();
    assert.equal(cards, Math.min(red.total, 20));
    await shot(county, '93-projects-red');
    // The red ones as the county's 项目台账 in Excel.
    const [ledger] = await Promise.all([county.waitForEvent('download'), county.locator('[data-test="projects-export"]').click()]);
    assert.match(ledger.suggestedFilename(), /^项目台账-.*\.xlsx$/);
    const ledgerRows = readXlsxRows(await ledger.createReadStream().then(streamToBuffer));
    assert.deepEqual(ledgerRows[0].slice(0, 3), ['编号', '类型', '项目']);
    assert.equal(ledgerRows.length - 1, red.total);
    assert.ok(ledgerRows.slice(1).every((row) => row[7].startsWith('红色')), 'every exported project is red');
    // A claim waits for the county.
    const waiting = await api(county, '/projects?state=claimed');
    assert.ok(waiting.items.some((p) => p.actions.includes('confirm')), 'a claim to confirm');
    const { items: campaigns } = await api(county, '/campaigns');
    const ranking = campaigns.find((c) => c.name.includes('书记项目评比（项目库）'));
    assert.ok(ranking, 'the demo 书记项目 campaign');
    const detail = await api(county, `/campaigns/${ranking.id}`);
    assert.ok(detail.subjects.every((s) => s.project_id), 'its subjects are projects');
    assert.deepEqual(county.errors, []);
    await county.context().close();
  });

  it('admin publishes a 揭榜挂帅 project for a town office; the list pages', async () => {
    const admin = await newPage(browser, { width: 1440, height: 900 });
    await login(admin, 'admin');
    await visit(admin, '/projects');
    await admin.locator('[data-test="project-card"]').first().waitFor();
    const listed = await api(admin, '/projects');
    assert.ok(listed.total > 20, `${listed.total} projects: more than one page`);
    assert.equal(await admin.locator('[data-test="project-card"]').count(), 20);
    await admin.locator('[data-test="projects-pager"] .btn-next').click();
    await admin.locator('[data-test="project-card"]', { hasText: (await api(admin, '/projects?page=2')).items[0].title }).first().waitFor();

    await admin.locator('[data-test="project-publish"]').click();
    const dialog = admin.locator('.el-dialog:visible');
    await dialog.locator('[data-test="project-office"]').waitFor();
    const title = `e2e 揭榜 ${Date.now()}`;
    await input(dialog, 'project-title').fill(title);
    // Without an office the server says which field is missing.
    await dialog.locator('[data-test="project-save"]').click();
    await dialog.locator('[data-test="form-error"]', { hasText: '发布单位' }).waitFor();
    await dialog.locator('[data-test="project-office"] .el-select').click();
    await admin.keyboard.type('临湖');
    await admin.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: '临湖镇' }).first().click();
    await shot(admin, '95-projects-admin-publish');
    await dialog.locator('[data-test="project-save"]').click();
    await admin.waitForURL(/\/projects\/\d+$/);
    const id = Number(new URL(admin.url()).pathname.split('/').pop());
    const made = await api(admin, `/projects/${id}`);
    assert.equal(made.office_unit, '临湖镇');
    assert.equal(made.state, 'published');
    assert.deepEqual(admin.errors, []);
    await admin.context().close();
  });
});
