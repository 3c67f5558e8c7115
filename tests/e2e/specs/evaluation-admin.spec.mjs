// 考核创争 as an organizer: a county officer creates a campaign from the 好班子 template in the
// framework editor (sees shares and inline errors, adds a criterion, changes a quota), picks
// three towns in the region tree, enters facts by pasting an Excel block into a grid (a bad
// value is refused whole and shown on its cell), sees the ranking board update, opens a
// drill-down, publishes, and finds the grids read-only; then runs a 好班副 campaign whose subjects
// are people, two deputies of one town picked by name.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, api, lastYear, launch, login, newPage, shot, visit } from '../lib/browser.mjs';
import { audit } from '../lib/a11y.mjs';

/** An el-input's native input, whichever element the data-test attribute landed on. */
const input = (scope, name) => scope.locator(`input[data-test="${name}"], [data-test="${name}"] input`).first();

async function paste(locator, text) {
  await locator.evaluate((el, data) => {
    const clipboard = new DataTransfer();
    clipboard.setData('text/plain', data);
    el.focus();
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, cancelable: true }));
  }, text);
}

describe('evaluation: a county officer runs a campaign', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => browser?.close());

  it('creates a campaign in the editor, enters facts in a grid, sees the board and a drill-down', async () => {
    const page = await newPage(browser, { width: 1440, height: 900 });
    await login(page, 'county');
    await visit(page, '/evaluation');
    await page.locator('[data-test="new-campaign"]').click();
    await page.waitForURL('**/evaluation/new');

    // Template → editor: the four 四强 groups with their shares of the total.
    await page.locator('[data-test="template-sanhao-team"]').click();
    const row = (id) => page.locator(`[data-test="fw-row"][data-id="${id}"]`);
    await row('zhandouli').waitFor();
    assert.equal(await row('zhandouli').locator('[data-test="fw-share"]').innerText(), '30.0%');
    assert.equal(await row('yinlingli').locator('[data-test="fw-share"]').innerText(), '25.0%');
    assert.equal(await page.locator('[data-test="fw-error"]').count(), 0);

    // A zero weight is flagged on its row, before anything is sent.
    await input(row('zhandouli'), 'fw-weight').fill('0');
    await input(row('zhandouli'), 'fw-weight').press('Tab');
    await row('zhandouli').locator('[data-test="fw-error"]', { hasText: '权重必须大于 0' }).waitFor();
    await page.locator('[data-test="fw-issue-count"]').waitFor();
    await input(row('zhandouli'), 'fw-weight').fill('30');
    await input(row('zhandouli'), 'fw-weight').press('Tab');
    await page.waitForFunction(() => !document.querySelector('[data-test="fw-error"]'));

    // A new top-level criterion (manual, max 100) needs a name; it takes 1/101 of the total.
    await page.locator('[data-test="fw-add-leaf"]').click();
    await row('c1').locator('[data-test="fw-error"]', { hasText: '请填写指标名称' }).waitFor();
    await input(row('c1'), 'fw-criterion-name').fill('专项加测');
    await page.waitForFunction(() => !document.querySelector('[data-test="fw-error"]'));
    assert.equal(await row('c1').locator('[data-test="fw-share"]').innerText(), '1.0%');
    await input(page.locator('[data-test="fw-award"]').first(), 'fw-award-quota').fill('2');
    await input(page.locator('[data-test="fw-award"]').first(), 'fw-award-quota').press('Tab');

    const name = `e2e 好班子 ${Date.now()}`;
    await input(page, 'campaign-name-input').fill(name);
    await input(page, 'cycle-year').fill('2021');
    await input(page, 'cycle-year').press('Tab');
    await page.locator('[data-test="cycle-label"]', { hasText: '2021' }).waitFor();

    // Subjects: three towns under 姜堰区 in the region tree.
    const tree = page.locator('[data-test="subject-tree"]');
    await tree.locator('.el-tree-node__content', { hasText: '姜堰区' }).locator('.el-tree-node__expand-icon').click();
    for (const town of ['罗塘街道', '白米镇', '娄庄镇']) {
      await tree.locator('.el-tree-node__content', { hasText: town }).locator('.el-checkbox').click();
    }
    assert.equal(await page.locator('[data-test="picked-subject"]').count(), 3);
    await shot(page, '47-evaluation-new-campaign');

    await page.locator('[data-test="create-campaign"]').click();
    await page.waitForURL(/\/evaluation\/\d+$/);
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    const detail = await api(page, `/campaigns/${id}`);
    assert.equal(detail.name, name);
    assert.equal(detail.cycle_label, '2021');
    assert.equal(detail.subject_count, 3);
    assert.deepEqual(detail.awards.map((a) => a.quota), [2]);
    assert.ok(detail.criteria.some((c) => c.id === 'c1' && c.method === 'manual' && c.level === 1));

    // The board starts at zero; enter the two manual criteria by pasting a block from Excel.
    const board = page.locator('[data-test="ranking-board"]');
    await board.locator('[data-test="board-subject"]').first().waitFor();
    assert.deepEqual(await board.locator('[data-test="board-total"]').allInnerTexts(), ['0.00', '0.00', '0.00']);
    await page.locator('[data-test="grid-tab-label-manual"]').click();
    const grid = page.locator('[data-test="grid-manual"]');
    await grid.waitFor();
    const subjects = await grid.locator('[data-test="grid-subject"]').allInnerTexts();
    assert.deepEqual(subjects, detail.subjects.map((s) => s.name));
    await paste(grid.locator('[data-test="cell-gx_satisfaction-value"][data-row="0"]'), '150\t8\r\n90\t9\r\n80\t10\r\n');
    assert.equal(await grid.locator('[data-test="cell-c1-value"][data-row="2"]').inputValue(), '10');

    // 150 is above the criterion's max of 100: nothing is written, the error sits on that cell.
    await page.locator('[data-test="save-grid-manual"]').click();
    const cellError = grid.locator('td', { has: page.locator('[data-test="cell-gx_satisfaction-value"][data-row="0"]') }).locator('[data-test="cell-error"]');
    await cellError.waitFor();
    assert.equal(await grid.locator('[data-test="cell-error"]').count(), 1);
    assert.equal((await api(page, `/campaigns/${id}/facts`)).items.length, 0);
    await shot(page, '48-evaluation-grid-error');

    await grid.locator('[data-test="cell-gx_satisfaction-value"][data-row="0"]').fill('95');
    await page.locator('[data-test="save-grid-manual"]').click();
    await page.waitForFunction(() => [...document.querySelectorAll('[data-test="board-total"]')].every((el) => el.textContent.trim() !== '0.00'));
    assert.equal(await grid.locator('[data-test="cell-error"]').count(), 0);
    const facts = (await api(page, `/campaigns/${id}/facts`)).items;
    assert.equal(facts.length, 6);
    const ranking = await api(page, `/campaigns/${id}/ranking`);
    assert.deepEqual(await board.locator('[data-test="board-subject"]').allInnerTexts(), ranking.rows.map((r) => r.name));
    assert.deepEqual(await board.locator('[data-test="board-total"]').allInnerTexts(), ranking.rows.map((r) => r.total_text));
    await shot(page, '49-evaluation-grid-saved');

    // Drill-down of the first place shows the entered values.
    await board.locator('.el-table__body-wrapper tr:nth-child(1) [data-test="board-explain"]').click();
    const drawer = page.locator('[data-test="explanation"]');
    await drawer.locator('[data-test="explain-total"]', { hasText: ranking.rows[0].total_text }).waitFor();
    await audit(page, 'explanation drawer');
    const explain = await api(page, `/campaigns/${id}/subjects/${ranking.rows[0].subject_id}/explain`);
    const manual = explain.criteria.find((c) => c.id === 'gx_satisfaction');
    assert.ok(manual.inputs.some((i) => i.key === 'value'), JSON.stringify(manual));
    assert.equal(await drawer.locator('[data-test="explain-criterion"]').count(), explain.criteria.length);
    await page.keyboard.press('Escape');

    // Publishing freezes the grids.
    await page.locator('[data-test="publish"]').click();
    await page.locator('.el-message-box__btns .el-button--primary').click();
    await page.locator('[data-test="grid-readonly"]').waitFor();
    assert.equal(await page.locator('[data-test="save-grid-manual"]').count(), 0);
    assert.equal(await grid.locator('[data-test="cell-c1-value"][data-row="0"]').getAttribute('readonly'), '');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  it('runs a 好班副 campaign of people: several deputies of one town picked by name', async () => {
    const page = await newPage(browser, { width: 1440, height: 900 });
    await login(page, 'county');
    // Two deputies of one town, by the demo's 好班副 campaign (its subjects are people).
    const demo = (await api(page, '/campaigns')).items.find((c) => c.template === 'sanhao-deputy');
    assert.ok(demo, 'the demo ships a 好班副 campaign');
    const subjects = (await api(page, `/campaigns/${demo.id}`)).subjects;
    assert.ok(subjects.every((s) => s.person_id), 'its subjects are people');
    const town = subjects[0].unit_id;
    const picked = subjects.filter((s) => s.unit_id === town).slice(0, 2);
    assert.equal(picked.length, 2);

    await page.goto(`${BASE_URL}/evaluation/new`);
    await page.locator('[data-test="template-sanhao-deputy"]').click();
    const name = `e2e 好班副 ${Date.now()}`;
    await input(page, 'campaign-name-input').fill(name);
    const picker = page.locator('[data-test="subject-people"]');
    for (const person of picked) {
      // The dropdown closes after each pick; typing into the focused field searches again.
      await picker.locator('input').first().focus();
      await page.keyboard.type(person.name);
      await page.locator('.el-select-dropdown:visible .el-select-dropdown__item').filter({ hasText: person.name }).filter({ hasText: person.unit_name }).first().click();
      await page.keyboard.press('Escape');
    }
    await page.locator('.muted', { hasText: '已选 2 人' }).waitFor();
    await audit(page, 'campaign form with people');
    await shot(page, '47b-evaluation-new-campaign-people');
    await page.locator('[data-test="create-campaign"]').click();
    await page.waitForURL(/\/evaluation\/\d+$/);
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    const detail = await api(page, `/campaigns/${id}`);
    assert.equal(detail.name, name);
    assert.deepEqual(detail.subjects.map((s) => s.person_id).sort(), picked.map((s) => s.person_id).sort());
    assert.ok(detail.subjects.every((s) => s.unit_id === town));
    await page.locator('[data-test="ranking-board"] [data-test="board-subject"]').first().waitFor();
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  it('shows the demo campaign’s stored facts in read-only grids, one column per judge', async () => {
    const page = await newPage(browser, { width: 1440, height: 900 });
    await login(page, 'county');
    const sanhao = (await api(page, '/campaigns')).items.find((c) => c.name.includes('三好创争') && c.cycle_label === lastYear() && c.status === 'published');
    assert.ok(sanhao, 'the demo ships a published 三好创争 campaign of last year');
    const facts = (await api(page, `/campaigns/${sanhao.id}/facts`)).items;
    const detail = await api(page, `/campaigns/${sanhao.id}`);
    await page.goto(`${BASE_URL}/evaluation/${sanhao.id}`);
    await page.locator('[data-test="grid-readonly"]').waitFor();
    await page.locator('[data-test="grid-tab-label-judges"]').click();
    const grid = page.locator('[data-test="grid-judges"]');
    await grid.waitFor();
    // Every stored judge score sits in its subject's row under its judge's column.
    const scores = facts.filter((f) => f.key === 'judge');
    assert.ok(scores.length > 0);
    for (const f of scores.slice(0, 12)) {
      const row = detail.subjects.findIndex((s) => s.id === f.subject_id);
      const cell = grid.locator(`[data-test="cell-${f.criterion}-judge-${f.judge}"][data-row="${row}"]`);
      assert.equal(await cell.inputValue(), f.value, `${f.criterion} ${f.judge} row ${row}`);
    }
    const judgeCriteria = detail.criteria.filter((c) => c.method === 'judges').length;
    const judges = new Set(scores.map((f) => f.judge)).size;
    assert.equal(await grid.locator('[data-test="grid-row"]').first().locator('input').count(), judgeCriteria * judges);
    await shot(page, '50-evaluation-grid-judges');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  it('a secretary sees neither the new-campaign button nor the data-entry grids', async () => {
    const page = await newPage(browser);
    await login(page, 'secretary');
    const campaigns = (await api(page, '/campaigns')).items;
    if (campaigns.length) {
      await page.goto(`${BASE_URL}/evaluation/${campaigns[0].id}`);
      await page.locator('[data-test="campaign-page"]').waitFor();
      await page.waitForTimeout(500);
      assert.equal(await page.locator('[data-test="data-entry"]').count(), 0);
    }
    await page.goto(`${BASE_URL}/evaluation`);
    await page.locator('[data-test="campaigns"]').waitFor();
    assert.equal(await page.locator('[data-test="new-campaign"]').count(), 0);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});
