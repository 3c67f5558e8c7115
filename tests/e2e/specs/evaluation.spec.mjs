// 考核创争: county opens the demo's finished 三好创争 board of last year for Jiangyan's 13 towns, filters by
// town, opens a subject's drill-down and sees the explanation; the award list prints and exports.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, api, clickToRender, lastYear, launch, login, newPage, shot, timing, visit } from '../lib/browser.mjs';

describe('evaluation: last year\'s 三好创争 ranking board', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => browser?.close());

  it('county opens the board, a drill-down and its explanation', async () => {
    const page = await newPage(browser);
    const me = await login(page, 'county');
    assert.equal(me.scope_unit_name, '姜堰区');

    // 考核评价 is a group now: 考核活动 (campaigns) and 经济指标 (metrics).
    await page.locator('[data-test="side-menu"]').getByText('考核活动').click();
    await page.waitForURL('**/evaluation');
    const list = page.locator('[data-test="campaign-list"]');
    await list.waitFor();
    const campaigns = (await api(page, '/campaigns')).items;
    const sanhao = campaigns.find((c) => c.name.includes('三好创争') && c.cycle_label === lastYear());
    assert.ok(sanhao, 'the demo ships last year\'s 三好创争 campaign');
    await shot(page, '40-evaluation-campaigns');

    await list.getByText(sanhao.name).click();
    await page.waitForURL(`**/evaluation/${sanhao.id}`);
    const board = page.locator('[data-test="ranking-board"]');
    await board.locator('[data-test="board-subject"]').first().waitFor();
    const ranking = await api(page, `/campaigns/${sanhao.id}/ranking`);
    assert.equal(ranking.rows.length, 13);
    assert.equal(await board.locator('[data-test="board-subject"]').count(), 13);
    // The board shows the server's order, totals with 2 decimals and the awards.
    const names = await board.locator('[data-test="board-subject"]').allInnerTexts();
    assert.deepEqual(names, ranking.rows.map((r) => r.name));
    const totals = await board.locator('[data-test="board-total"]').allInnerTexts();
    assert.deepEqual(totals, ranking.rows.map((r) => r.total_text));
    const awarded = ranking.rows.filter((r) => r.award).length;
    assert.equal(await board.locator('[data-test="board-award"]').count(), awarded);
    assert.equal(await page.locator('[data-test="campaign-status"]').innerText().then((s) => s.includes('已发布')), true);
    await page.locator('[data-test="subject-radar"] canvas').waitFor();
    // Selecting the second place compares it with the first on the radar.
    await board.locator('[data-test="board-subject"]', { hasText: ranking.rows[1].name }).click();
    await page.locator('.radar-card', { hasText: ranking.rows[1].name }).waitFor();
    await shot(page, '41-evaluation-board');

    // Drill-down of the second place: explanation, gap to the best and to the one above.
    const second = ranking.rows[1];
    const rowIndex = 1;
    const ms = await clickToRender(
      page,
      `[data-test="ranking-board"] .el-table__body-wrapper tr:nth-child(${rowIndex + 1}) [data-test="board-explain"]`,
      `document.querySelector('[data-test="explain-total"]')?.textContent.trim() === ${JSON.stringify(second.total_text)}`,
    );
    timing('evaluation drill-down', ms);
    const drawer = page.locator('[data-test="explanation"]');
    await drawer.waitFor();
    assert.equal(await drawer.locator('[data-test="explain-name"]').innerText(), second.name);
    const explain = await api(page, `/campaigns/${sanhao.id}/subjects/${second.subject_id}/explain`);
    assert.equal(await drawer.locator('[data-test="explain-criterion"]').count(), explain.criteria.length);
    const gaps = await drawer.locator('[data-test="explain-gaps"]').innerText();
    assert.ok(gaps.includes(explain.best) && gaps.includes(explain.gap_to_best.toFixed(2)), gaps);
    assert.ok(gaps.includes(explain.gap_to_above.toFixed(2)), gaps);
    // Top-level contributions + bonus − penalty = the total.
    const top = explain.criteria.filter((c) => c.level === 1).reduce((sum, c) => sum + c.contribution, 0);
    assert.ok(Math.abs(top + explain.bonus.applied - explain.penalty.applied - explain.total) < 0.01);
    await shot(page, '42-evaluation-explanation');
    await page.keyboard.press('Escape');

    // Town filter: only that town's subject, rank kept campaign-wide.
    const townRow = ranking.rows[4];
    await page.goto(`${BASE_URL}/evaluation/${sanhao.id}?town=${townRow.town_id}`);
    await board.locator('[data-test="board-subject"]', { hasText: townRow.name }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-test="board-subject"]').length === 1);
    assert.equal(await board.locator('[data-test="board-rank"]').innerText(), String(townRow.rank));

    // Award list: printable page and the .xlsx download.
    await page.goto(`${BASE_URL}/evaluation/${sanhao.id}/awards`);
    await page.locator('[data-test="award-section"]').first().waitFor();
    assert.ok((await page.locator('[data-test="awards-title"]').innerText()).includes('获奖名单'));
    await shot(page, '43-evaluation-awards');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('[data-test="side-menu"]').isVisible(), false);
    assert.equal(await page.locator('[data-test="print-awards"]').isVisible(), false);
    await shot(page, '44-evaluation-awards-print');
    await page.emulateMedia({ media: 'screen' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="export-awards"]').click()]);
    assert.match(download.suggestedFilename(), /\.xlsx$/);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  it('works at phone width: compact board, full-width drill-down', async () => {
    const page = await newPage(browser, { width: 390, height: 844 });
    await login(page, 'county');
    const sanhao = (await api(page, '/campaigns')).items.find((c) => c.name.includes('三好创争') && c.cycle_label === lastYear());
    await page.goto(`${BASE_URL}/evaluation/${sanhao.id}`);
    const board = page.locator('[data-test="ranking-board"]');
    await board.locator('[data-test="board-subject"]').first().waitFor();
    // No horizontal page scroll: the board fits the phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `page overflows by ${overflow}px`);
    await shot(page, '45-evaluation-phone-board');
    // A tap on a row opens the drill-down (no button column on a phone).
    await board.locator('[data-test="board-subject"]').nth(1).click();
    await page.locator('[data-test="explanation"] [data-test="explain-total"]').waitFor();
    await shot(page, '46-evaluation-phone-explanation');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  it('a campaign outside the scope is a friendly page, not a crash', async () => {
    const page = await newPage(browser);
    await login(page, 'county');
    await visit(page, '/evaluation/999999');
    await page.locator('[data-test="campaign-not-found"]').waitFor();
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});
