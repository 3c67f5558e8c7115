// The demo's Keqiao arena contest in real Chromium: the host console (keqiao), the hall's big screen
// (no login) and three judges' phones (390 px) that join by the one-time links the console issues.
// Two contestants go through advance → timer → open → judges score on their phones → close →
// reveal; the big screen shows the scores with the dropped ones struck through, the final score and
// the ranking; a recused judge's phone says so; a reused link is refused on another phone.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, api, launch, login, newPage, shot } from '../lib/browser.mjs';

describe('arena contest: host console, big screen and judges’ phones', () => {
  let browser;
  let host;
  let screen;
  const phones = [];
  let contest;

  before(async () => {
    browser = await launch();
  });
  after(async () => browser?.close());

  async function detail() {
    const r = await host.request.get(`${BASE_URL}/api/v1/contests/${contest}`);
    assert.equal(r.status(), 200);
    return r.json();
  }

  async function hostClick(test, { confirm = false } = {}) {
    await host.locator(`[data-test="${test}"]`).click();
    if (confirm) await host.locator('.el-message-box .el-button--primary').click();
  }

  it('the host opens the console of the demo contest', async () => {
    host = await newPage(browser, { width: 1440, height: 900 });
    const me = await login(host, 'keqiao');
    assert.equal(me.role, 'county');
    await host.goto(`${BASE_URL}/arena`);
    await host.locator('[data-test="contests-table"]').waitFor();
    const list = await (await host.request.get(`${BASE_URL}/api/v1/contests`)).json();
    const keqiao = list.items.find((c) => c.name.includes('柯桥区村社党组织书记领雁擂台赛'));
    assert.ok(keqiao, 'the demo has the Keqiao contest');
    contest = keqiao.id;
    await shot(host, '60-arena-list');
    await host.locator(`[data-test="host-${contest}"]`).click();
    await host.locator('[data-test="host-console"] [data-test="contest-name"]').waitFor();
    await host.locator('[data-test="connection"]', { hasText: '实时连接' }).waitFor();
  });

  it('the big screen watches without a login', async () => {
    screen = await newPage(browser, { width: 1366, height: 768 });
    await screen.goto(`${BASE_URL}/arena/${contest}/screen`);
    await screen.locator('[data-test="screen-title"]', { hasText: '擂台赛' }).waitFor();
    await screen.locator('[data-test="screen-connection"].on').waitFor();
    await shot(screen, '61-arena-screen-waiting');
  });

  it('three judges join on their phones with the links the console issues', async () => {
    for (const seat of [2, 3, 4]) {
      await host.locator(`[data-test="issue-link-${seat}"]`).click();
      // The link arrives with the answer to the request the click sent: wait for it.
      const field = host.locator('input[data-test="link-url"], [data-test="link-url"] input');
      let url = '';
      for (let tries = 0; !url && tries < 100; tries++) {
        url = await field.inputValue();
        if (!url) await host.waitForTimeout(50);
      }
      assert.match(url, new RegExp(`/arena/${contest}/judge#`));
      await host.locator('.el-dialog__footer .el-button--primary').click();
      const phone = await newPage(browser, { width: 390, height: 844 });
      await phone.goto(url);
      await phone.locator('[data-test="judge-seat"]').waitFor();
      assert.ok(!(await phone.evaluate(() => window.location.hash)), 'the token leaves the address bar');
      phones.push({ seat, page: phone, url });
    }
    await shot(phones[0].page, '62-arena-phone-waiting');
    // The link is bound to the first phone: another phone is refused with a clear message.
    const thief = await newPage(browser, { width: 390, height: 844 });
    await thief.goto(phones[0].url);
    await thief.locator('[data-test="judge-error"]', { hasText: '另一台设备' }).waitFor();
    await thief.close();
  });

  async function playContestant(round) {
    const before = (await detail()).state.current?.id ?? null;
    await hostClick('advance');
    let d = await detail();
    for (let tries = 0; (d.state.current?.id ?? null) === before && tries < 50; tries++) {
      await host.waitForTimeout(100);
      d = await detail();
    }
    const current = d.state.current;
    assert.ok(current && current.id !== before, 'the next contestant is on stage');
    await host.locator('[data-test="current-name"]', { hasText: current.name }).waitFor();
    await screen.locator('[data-test="screen-current"]', { hasText: current.name }).waitFor();
    for (const p of phones) await p.page.locator('[data-test="judge-contestant"]', { hasText: current.name }).waitFor();
    await hostClick('timer-start');
    await screen.locator('[data-test="screen-timer"].running').waitFor();
    await hostClick('open');
    await host.locator('[data-test="scoring"]', { hasText: '评分进行中' }).waitFor();
    const recused = new Set(d.recusals.filter((r) => r.contestant_id === current.id).map((r) => d.seats_list.find((s) => s.id === r.seat_id)?.seat));
    let scored = 0;
    for (const [idx, p] of phones.entries()) {
      if (recused.has(p.seat)) {
        await p.page.locator('[data-test="judge-recused"]').waitFor();
        continue;
      }
      await p.page.locator('[data-test="judge-sheet"]').waitFor();
      await p.page.locator('[data-test="score-statement"] input').fill(String(30 + idx * 3 + round));
      await p.page.locator('[data-test="score-statement"] input').press('Tab');
      await p.page.locator('[data-test="score-defence"] input').fill(String(6 + idx));
      await p.page.locator('[data-test="score-defence"] input').press('Tab');
      if (idx === 0 && round === 0) await shot(p.page, '63-arena-phone-sheet');
      await p.page.locator('[data-test="judge-submit"]').click();
      await p.page.locator('.el-message-box .el-button--primary').click();
      await p.page.locator('[data-test="judge-submitted"]').waitFor();
      await host.locator(`[data-test="seat-status-${p.seat}"]`, { hasText: '已提交' }).waitFor();
      await screen.locator(`[data-test="screen-seat-${p.seat}"].submitted`).waitFor();
      scored += 1;
    }
    if (round === 0) {
      await shot(host, '64-arena-host-scoring');
      await shot(screen, '65-arena-screen-scoring');
    }
    await hostClick('close');
    await host.locator('[data-test="scoring"]', { hasText: '评分已关闭' }).waitFor();
    await hostClick('reveal', { confirm: true });
    await screen.locator('[data-test="screen-final"]').waitFor();
    if (scored >= 3) await screen.locator('[data-test="big-screen"] .seat.dropped').first().waitFor();
    await screen.locator(`[data-test="rank-${current.id}"]`).waitFor();
    return current;
  }

  it('plays two contestants: scores, reveal with dropped scores and the live ranking', async () => {
    const first = await playContestant(0);
    await shot(screen, '66-arena-screen-revealed');
    await shot(phones[0].page, '67-arena-phone-submitted');
    const second = await playContestant(1);
    assert.notEqual(first.id, second.id);
    const rows = await screen.locator('[data-test="screen-ranking"] li').count();
    assert.equal(rows, 2);
    await shot(screen, '68-arena-screen-ranking');
    await shot(host, '69-arena-host-revealed');
    for (const p of phones) {
      const overflow = await p.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `no horizontal scroll on the phone (${overflow}px)`);
    }
  });

  it('the setup form starts from the Keqiao sheet and says what is missing', async () => {
    await host.goto(`${BASE_URL}/arena`);
    await host.locator('[data-test="contest-new-button"]').click();
    await host.locator('[data-test="contest-new"]').waitFor();
    await host.locator('[data-test="contest-create"]').click();
    await host.locator('[data-test="contest-new-error"]', { hasText: '请选择选手' }).waitFor();
    await shot(host, '71-arena-new');
  });

  it('the results page lists every judge’s line', async () => {
    await host.goto(`${BASE_URL}/arena/${contest}/results`);
    await host.locator('[data-test="results-table"]').waitFor();
    await host.locator('[data-test="results-table"] .el-table__expand-icon').first().click();
    await host.locator('[data-test^="sheet-"]').first().waitFor();
    // A judge's submission time reads in China time (the server writes UTC), and a contestant not on
    // stage yet shows no sums rather than zeros.
    const sheets = (await api(host, `/contests/${contest}/results`)).rounds[0].sheets;
    const utc = sheets[0].lines.find((l) => l.submitted_at).submitted_at;
    assert.match(utc, /Z$/);
    const china = new Date(Date.parse(utc) + 8 * 3600 * 1000).toISOString().replace('T', ' ').slice(0, 19);
    await host.locator(`[data-test="sheet-${sheets[0].contestant_id}"] td`, { hasText: china }).first().waitFor();
    const waiting = sheets.find((s) => s.rank === null && s.result.present === 0);
    assert.ok(waiting, 'a contestant still to go on stage');
    const cells = await host.locator('[data-test="results-table"] tr', { hasText: waiting.name }).first().locator('td').allInnerTexts();
    assert.ok(!cells.some((c) => c.trim() === '0'), `no zero sums for ${waiting.name}: ${cells.join(' | ')}`);
    assert.ok(cells.filter((c) => c.trim() === '—').length >= 3, `dashes for ${waiting.name}: ${cells.join(' | ')}`);
    await shot(host, '70-arena-results');
    for (const page of [host, screen, ...phones.map((p) => p.page)]) assert.deepEqual(page.errors, []);
  });
});
