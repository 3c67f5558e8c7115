// 考核创争, what county schemes add: a county officer sets tracks (赛道, one with a coefficient)
// and result bands on a new campaign — a band sum ≠ 100% is refused before anything is sent —
// and a 躺平奖 negative list; the framework is editable until the first fact and locked after;
// the board shows track and band columns, ranks within a track and the 躺平奖 card; the bottom
// band gets a follow-up (安排整改) that is then closed (办结); criterion owners are set.
// The facts go in through the downloaded wide template, re-imported (and a bad sheet is shown
// row by row).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE_URL, api, launch, login, newPage, shot } from '../lib/browser.mjs';
import { readXlsxRows, streamToBuffer, writeXlsx } from '../lib/zip.mjs';
import { audit } from '../lib/a11y.mjs';

const input = (scope, name) => scope.locator(`input[data-test="${name}"], [data-test="${name}"] input`).first();
const tmp = mkdtempSync(join(tmpdir(), 'lingyan-e2e-'));

/** Picks an option of an el-select (the dropdown is teleported to the body). */
async function choose(page, select, label) {
  await select.click();
  // This select's own list (aria-controls), not one still fading out from the previous select.
  const listId = await select.locator('[aria-controls]').first().getAttribute('aria-controls');
  const option = page.locator(`[id="${listId}"] .el-select-dropdown__item`, { hasText: label }).first();
  await option.click();
  await option.waitFor({ state: 'hidden' });
}

describe('evaluation settings: tracks, bands, 躺平奖 and follow-ups', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => browser?.close());

  it('a county officer sets tracks and bands, imports facts, sees band tags and 躺平奖, arranges and closes a follow-up', async () => {
    const page = await newPage(browser, { width: 1440, height: 900 });
    const me = await login(page, 'county');
    const headers = { 'X-CSRF-Token': me.csrf_token };

    // A draft campaign on five towns of the county with two manual criteria.
    const towns = (await api(page, `/units?parent=${me.scope_unit_id}`)).items.slice(0, 5);
    assert.equal(towns.length, 5);
    const name = `e2e 赛道分档 ${Date.now()}`;
    const created = await page.request.post(`${BASE_URL}/api/v1/campaigns`, {
      headers,
      data: {
        name,
        cycle_kind: 'year',
        cycle_label: '2024',
        subjects: towns.map((u) => u.id),
        framework: {
          name: '擂台比拼',
          criteria: [
            { id: 'shiji', name: '工作实绩', weight: 3, method: 'manual', max: 100 },
            { id: 'manyi', name: '群众满意度', weight: 1, method: 'manual', max: 100 },
          ],
          awards: [{ name: '擂主', quota: 1 }],
        },
      },
    });
    assert.equal(created.status(), 201, await created.text());
    const id = (await created.json()).id;
    await page.goto(`${BASE_URL}/evaluation/${id}`);
    const manage = page.locator('[data-test="campaign-manage"]');
    await manage.waitFor();

    // No facts yet: the framework may still be replaced.
    await manage.locator('.el-tabs__item', { hasText: '指标体系' }).click();
    assert.equal(await page.locator('[data-test="framework-locked"]').count(), 0);
    // Replace it: 工作实绩 weighs 4 instead of 3. The detail carries the method parameters, so
    // the editor opens with each manual criterion's max already filled in.
    await page.locator('[data-test="edit-framework"]').click();
    const fwPanel = page.locator('[data-test="framework-panel"]');
    const fwRow = (rid) => fwPanel.locator(`[data-test="fw-row"][data-id="${rid}"]`);
    for (const rid of ['shiji', 'manyi']) assert.equal(await input(fwRow(rid), 'fw-param-max').inputValue(), '100');
    await audit(page, 'framework editor');
    await input(fwRow('shiji'), 'fw-weight').fill('4');
    await input(fwRow('shiji'), 'fw-weight').press('Tab');
    await page.waitForFunction(() => !document.querySelector('[data-test="framework-panel"] [data-test="fw-error"]'));
    await fwPanel.locator('[data-test="save-framework"]').click();
    await page.locator('.el-message--success', { hasText: '指标体系已更新' }).waitFor();
    const replaced = await api(page, `/campaigns/${id}`);
    assert.equal(replaced.framework_version, 2);
    assert.equal(replaced.criteria.find((c) => c.id === 'shiji').weight, 4);
    await page.locator('[data-test="edit-framework"]').waitFor();
    await manage.locator('.el-tabs__item', { hasText: '设置' }).click();

    // Tracks: 工业 (×1) and 农业 (×1.1); the first two towns industrial, the rest agricultural.
    const panel = page.locator('[data-test="settings-panel"]');
    await panel.locator('[data-test="add-track"]').click();
    await panel.locator('[data-test="add-track"]').click();
    const trackRows = panel.locator('[data-test="track-row"]');
    await input(trackRows.nth(0), 'track-name').fill('工业');
    await input(trackRows.nth(1), 'track-name').fill('农业');
    await input(trackRows.nth(1), 'track-coefficient').fill('1.1');
    await input(trackRows.nth(1), 'track-coefficient').press('Tab');
    const selects = panel.locator('[data-test="subject-track-select"]');
    assert.equal(await selects.count(), 5);
    for (let i = 0; i < 5; i += 1) await choose(page, selects.nth(i), i < 2 ? '工业' : '农业');

    // Bands 20/60/20 with a follow-up for the bottom one; 20/50/20 is refused before sending.
    await panel.locator('[data-test="default-bands"]').click();
    const bandRows = panel.locator('[data-test="band-row"]');
    assert.equal(await bandRows.count(), 3);
    await input(bandRows.nth(1), 'band-share').fill('50');
    await input(bandRows.nth(1), 'band-share').press('Tab');
    await panel.locator('[data-test="band-sum"]', { hasText: '90%' }).waitFor();
    await panel.locator('[data-test="band-sum-error"]', { hasText: '须等于 100%' }).waitFor();
    await shot(page, '90-evaluation-bands-sum');
    await panel.locator('[data-test="save-settings"]').click();
    await page.waitForTimeout(300);
    assert.deepEqual((await api(page, `/campaigns/${id}`)).bands, [], 'nothing is sent while the sum is wrong');
    await input(bandRows.nth(1), 'band-share').fill('60');
    await input(bandRows.nth(1), 'band-share').press('Tab');
    await panel.locator('[data-test="band-sum"]', { hasText: '100%' }).waitFor();
    assert.equal(await panel.locator('[data-test="band-sum-error"]').count(), 0);

    // The negative list: the bottom one by the total, published as 躺平奖.
    await panel.locator('[data-test="negative-on"]').click();
    await input(panel, 'negative-name-input').fill('躺平奖');
    await input(panel, 'negative-count').fill('1');
    await input(panel, 'negative-count').press('Tab');
    await input(panel, 'settings-reason').fill('按县里方案分赛道、分档');
    await page.locator('.el-message').first().waitFor({ state: 'detached' });
    await shot(page, '91-evaluation-settings');
    await panel.locator('[data-test="save-settings"]').click();
    await page.locator('.el-message--success', { hasText: '设置已保存' }).waitFor();
    const detail = await api(page, `/campaigns/${id}`);
    assert.deepEqual(detail.tracks, [
      { name: '工业', coefficient: 1 },
      { name: '农业', coefficient: 1.1 },
    ]);
    assert.deepEqual(detail.bands.map((b) => [b.name, b.share, b.follow_up]), [
      ['好', 0.2, false],
      ['中', 0.6, false],
      ['差', 0.2, true],
    ]);
    assert.deepEqual(detail.negative, { name: '躺平奖', criterion: '', count: 1 });
    assert.deepEqual(detail.subjects.map((s) => s.track), ['工业', '工业', '农业', '农业', '农业']);

    // Facts through the wide template: download it, fill it, import it. A bad sheet first.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="facts-template"]').click()]);
    assert.match(download.suggestedFilename(), /\.xlsx$/);
    const template = readXlsxRows(await download.createReadStream().then(streamToBuffer));
    const header = template[0];
    const subjectCol = 0;
    const shijiCol = header.findIndex((h) => h.startsWith('工作实绩'));
    const manyiCol = header.findIndex((h) => h.startsWith('群众满意度'));
    assert.ok(shijiCol > 0 && manyiCol > 0, header.join('|'));
    const scores = [95, 90, 85, 70, 60];
    const filled = [header, ...template.slice(1).map((row, i) => {
      const out = header.map((_, c) => row[c] ?? '');
      out[shijiCol] = String(scores[i]);
      out[manyiCol] = String(scores[i]);
      return out;
    })];
    const bad = filled.map((r) => [...r]);
    bad[2][shijiCol] = '150';
    bad[3][subjectCol] = '不存在的镇';
    const badPath = join(tmp, 'facts-bad.xlsx');
    writeFileSync(badPath, writeXlsx(bad, '数据'));
    await page.locator('[data-test="facts-import-file"]').setInputFiles(badPath);
    await page.locator('[data-test="import-errors-table"]').waitFor();
    // Both bad lines at once: the score over the max (line 3) and the unknown subject (line 4,
    // which the server reports per fact; the table shows it once).
    const errorRows = page.locator('[data-test="import-errors-table"] .el-table__row');
    assert.equal(await errorRows.count(), 2);
    assert.match(await errorRows.nth(0).innerText(), /\b3\b/);
    assert.match(await errorRows.nth(1).innerText(), /不存在的镇/);
    assert.equal((await api(page, `/campaigns/${id}/facts`)).items.length, 0, 'a bad sheet writes nothing');
    await shot(page, '92-evaluation-facts-import-rejected');
    const goodPath = join(tmp, 'facts.xlsx');
    writeFileSync(goodPath, writeXlsx(filled, '数据'));
    await page.locator('[data-test="facts-import-file"]').setInputFiles(goodPath);
    await page.locator('.el-message--success', { hasText: '导入成功' }).waitFor();
    assert.equal((await api(page, `/campaigns/${id}/facts`)).items.length, 10);

    // The board: track and band columns, the bottom subject in 躺平奖, the coefficient shown.
    const board = page.locator('[data-test="ranking-board"]');
    await board.locator('[data-test="board-band"]').first().waitFor();
    const ranking = await api(page, `/campaigns/${id}/ranking`);
    // The board (shown with its bands since the tracks were set) reloads after the import: wait
    // until it shows the new order (a loaded machine showed the old one for a moment).
    const subjects = () => board.locator('[data-test="board-subject"]').allInnerTexts();
    const order = JSON.stringify(ranking.rows.map((r) => r.name));
    for (let i = 0; i < 100 && JSON.stringify(await subjects()) !== order; i++) await page.waitForTimeout(100);
    assert.deepEqual(await subjects(), ranking.rows.map((r) => r.name));
    assert.deepEqual(await board.locator('[data-test="board-band"]').allInnerTexts(), ranking.rows.map((r) => r.band));
    assert.ok(ranking.rows.some((r) => r.band === '差' && r.follow_up));
    assert.equal(await board.locator('[data-test="board-coefficient"]', { hasText: '×1.1' }).count(), 3);
    const card = page.locator('[data-test="negative-card"]');
    await card.locator('[data-test="negative-name"]', { hasText: '躺平奖' }).waitFor();
    assert.deepEqual(await card.locator('[data-test="negative-subject"]').allInnerTexts(), ranking.negative.subjects.map((s) => s.name));
    assert.equal(ranking.negative.subjects.length, 1);

    // Ranks within a track.
    await choose(page, page.locator('[data-test="track-filter"]'), '农业');
    await page.locator('[data-test="track-hint"]').waitFor();
    const agri = ranking.rows.filter((r) => r.track === '农业').sort((a, b) => a.track_rank - b.track_rank);
    assert.deepEqual(await board.locator('[data-test="board-subject"]').allInnerTexts(), agri.map((r) => r.name));
    assert.deepEqual(await board.locator('[data-test="board-rank"]').allInnerTexts(), agri.map((r) => String(r.track_rank)));
    await shot(page, '93-evaluation-board-bands');
    // Back to the whole board (the track filter is not kept in the address).
    await page.reload();
    await board.locator('[data-test="board-band"]').first().waitFor();
    assert.equal(await board.locator('[data-test="board-subject"]').count(), ranking.rows.length);

    // Facts exist: the framework is locked.
    await manage.locator('.el-tabs__item', { hasText: '指标体系' }).click();
    await page.locator('[data-test="framework-locked"]').waitFor();
    assert.equal(await page.locator('[data-test="edit-framework"]').count(), 0);
    const lockedTree = page.locator('[data-test="framework-panel"]');
    assert.equal(await lockedTree.locator('[data-test="fw-row"]').count(), 2);
    assert.equal(await lockedTree.locator('[data-test="fw-error"]').count(), 0);

    // 安排整改 for the bottom band, then 办结.
    const bottom = ranking.rows.find((r) => r.follow_up);
    const bottomRow = board.locator('.el-table__body-wrapper tr', { has: page.locator('[data-test="board-subject"]', { hasText: bottom.name }) });
    await bottomRow.locator('[data-test="board-arrange-followup"]').click();
    const dialog = page.locator('[data-test="followup-dialog"]');
    await dialog.locator('[data-test="followup-save"]').click();
    await dialog.locator('.el-form-item__error', { hasText: '请填写整改措施' }).waitFor();
    await audit(page, 'follow-up dialog with a field error');
    await dialog.locator('textarea[data-test="followup-action"], [data-test="followup-action"] textarea').first().fill('制定整改方案，每月向区委组织部报告进展');
    await input(dialog, 'followup-leader').fill('王副书记');
    const deadline = dialog.locator('.el-date-editor input').first();
    await deadline.fill('2030-06-30');
    await deadline.press('Enter');
    await dialog.locator('[data-test="followup-save"]').click();
    const list = page.locator('[data-test="followups-card"]');
    await list.locator('[data-test="followup-status"]', { hasText: '整改中' }).waitFor();
    assert.deepEqual(await list.locator('[data-test="followup-subject"]').allInnerTexts(), [bottom.name]);
    await bottomRow.locator('[data-test="board-followup-open"]').waitFor();
    assert.equal(await bottomRow.locator('[data-test="board-arrange-followup"]').count(), 0);
    const followups = (await api(page, `/campaigns/${id}/followups`)).items;
    assert.equal(followups.length, 1);
    assert.equal(followups[0].leader, '王副书记');
    assert.equal(followups[0].deadline, '2030-06-30');
    await shot(page, '94-evaluation-followup');
    await list.locator('[data-test="followup-close"]').click();
    await page.locator('.el-message-box textarea').fill('已完成整改，群众满意度回升');
    await audit(page, 'close follow-up prompt');
    await page.locator('.el-message-box__btns .el-button--primary').click();
    await list.locator('[data-test="followup-status"]', { hasText: '已办结' }).waitFor();
    assert.equal(await list.locator('[data-test="followup-outcome"]').innerText(), '已完成整改，群众满意度回升');
    assert.equal((await api(page, `/campaigns/${id}/followups`)).items[0].status, 'done');

    // Entry owners: 群众满意度 entered by the town officer only, within a window.
    await manage.locator('.el-tabs__item', { hasText: '录入责任' }).click();
    const owners = page.locator('[data-test="owners-panel"]');
    await owners.locator('[data-test="add-owner"]').click();
    await owners.locator('[data-test="save-owners"]').click();
    await owners.locator('[data-test="owner-error"]', { hasText: '请选择指标' }).waitFor();
    await audit(page, 'entry owners with an error');
    await choose(page, owners.locator('[data-test="owner-criterion"]'), '群众满意度');
    await input(owners, 'owner-user').fill('nobody-here');
    await owners.locator('[data-test="save-owners"]').click();
    await owners.locator('[data-test="owner-error"]', { hasText: '不存在' }).waitFor();
    await input(owners, 'owner-user').fill('town');
    await owners.locator('[data-test="save-owners"]').click();
    await page.locator('.el-message--success', { hasText: '录入责任已保存' }).waitFor();
    assert.deepEqual((await api(page, `/campaigns/${id}`)).owners.map((o) => [o.criterion, o.owner]), [['manyi', 'town']]);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});

