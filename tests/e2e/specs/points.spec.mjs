// 党员积分: a member submits an activity from the phone page, an approver approves it in the
// queue, and the member's total and place on the leaderboard move at once. The declaration carries
// its 佐证材料 (an activity photo uploaded with it); the approver opens it in the queue.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, api, launch, login, newPage, shot, visit } from '../lib/browser.mjs';

const cents = (s) => Math.round(Number(s) * 100);

describe('points: submit, approve, the leaderboard moves', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => browser?.close());

  it('member submits, the branch secretary approves, the leaderboard moves', async () => {
    // 1. The member, on a phone.
    const phone = await newPage(browser, { width: 390, height: 844 });
    await login(phone, 'member');
    await phone.waitForURL('**/workbench');
    await phone.locator('[data-test="card-my_pending"]').click();
    await phone.waitForURL('**/points/me');
    await phone.locator('[data-test="my-total"]').waitFor();
    const me = await api(phone, '/points/me');
    const { items: rules } = await api(phone, '/points/rules');
    // A positive rule with room left under its cap this period.
    const used = new Map();
    for (const e of me.events) if (e.status === 'approved') used.set(e.rule, (used.get(e.rule) ?? 0) + cents(e.worth));
    const room = (r) => (r.cap === null ? Infinity : cents(r.cap) - (used.get(r.code) ?? 0));
    const rule = rules.filter((r) => r.active && cents(r.points) > 0).sort((a, b) => cents(b.points) - cents(a.points)).find((r) => room(r) >= cents(r.points));
    assert.ok(rule, 'a rule with room under its cap');
    const grid = me.ranks[0];
    const before = await api(phone, `/points/leaderboard?unit=${grid.unit_id}&top=1000`);
    const rankBefore = before.items.find((m) => m.id === me.member.id)?.rank ?? grid.rank;
    await shot(phone, '50-points-my-points');

    const note = `e2e 志愿服务 ${Date.now()}`;
    await phone.locator('[data-test="open-submit"]').click();
    await phone.locator('[data-test="rule-select"]').click();
    await phone.locator('.el-select-dropdown__item', { hasText: rule.name }).first().click();
    await phone.locator('textarea[data-test="note-input"], [data-test="note-input"] textarea').fill(note);
    const jpeg = await phone.evaluate(() => {
      const c = document.createElement('canvas');
      c.width = 400;
      c.height = 300;
      const g = c.getContext('2d');
      g.fillStyle = '#3a6';
      g.fillRect(0, 0, 400, 300);
      return c.toDataURL('image/jpeg', 0.8).split(',')[1];
    });
    await phone.locator('[data-test="evidence-input"]').setInputFiles({ name: '活动照片.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(jpeg, 'base64') });
    await phone.locator('.chosen li', { hasText: '活动照片.jpg' }).waitFor();
    await shot(phone, '51-points-submit');
    await phone.locator('[data-test="submit-activity"]').click();
    const mine = phone.locator('[data-test="my-event"]', { hasText: note });
    await mine.waitFor();
    assert.equal(await mine.locator('[data-test="event-status"]').innerText(), '待审核');
    assert.deepEqual(phone.errors, []);

    // 2. The branch secretary (tangma, 塘马村) finds it in the queue of the member's grid and approves it.
    const desk = await newPage(browser);
    await login(desk, 'tangma');
    await visit(desk, `/points/approvals?unit=${me.member.unit_id}`);
    const row = desk.locator('[data-test="approval-list"] .el-table__body-wrapper tr', { hasText: note });
    await row.waitFor();
    // The evidence: its photo's thumbnail, loaded from the server's rendition.
    await row.locator('[data-test="evidence-toggle"]').click();
    await row.locator('[data-test="attachment-thumb"]').waitFor();
    await desk.waitForFunction(() => [...document.querySelectorAll('[data-test="attachment-thumb"]')].every((i) => i.complete && i.naturalWidth > 0));
    await shot(desk, '52-points-approvals');
    await row.locator('[data-test="approve"]').click();
    await row.waitFor({ state: 'detached' });

    // 3. The leaderboard of the member's grid has moved.
    const after = await api(desk, `/points/leaderboard?unit=${grid.unit_id}&top=1000`);
    const entry = after.items.find((m) => m.id === me.member.id);
    assert.equal(cents(entry.total), cents(me.total) + cents(rule.points));
    assert.ok(entry.rank <= rankBefore, `rank ${entry.rank} after, ${rankBefore} before`);
    await desk.goto(`${BASE_URL}/points/leaderboard?unit=${grid.unit_id}&top=200`);
    const leader = desk.locator('[data-test="leaderboard"] .el-table__body-wrapper tr', { hasText: me.member.name });
    await leader.waitFor();
    assert.equal(await leader.locator('[data-test="leader-total"]').innerText(), entry.total);
    await desk.locator('[data-test="star-chart"] canvas').waitFor();
    await shot(desk, '53-points-leaderboard');
    await desk.goto(`${BASE_URL}/points/publicity?unit=${me.member.unit_id}`);
    await desk.locator('[data-test="publicity-events"]', { hasText: note }).waitFor();
    await shot(desk, '54-points-publicity');
    assert.deepEqual(desk.errors, []);

    // The member sees the new total and the approval.
    await phone.reload();
    await phone.locator('[data-test="my-total"]', { hasText: entry.total }).waitFor();
    assert.equal(await phone.locator('[data-test="my-event"]', { hasText: note }).locator('[data-test="event-status"]').innerText(), '已通过');
    await phone.context().close();
    await desk.context().close();
  });

  it('rejecting needs a reason, and the member sees it', async () => {
    const phone = await newPage(browser, { width: 390, height: 844 });
    await login(phone, 'member');
    await visit(phone, '/points/me');
    const me = await api(phone, '/points/me');
    const note = `e2e 驳回 ${Date.now()}`;
    await phone.locator('[data-test="open-submit"]').click();
    await phone.locator('[data-test="rule-select"]').click();
    await phone.locator('.el-select-dropdown__item').first().click();
    await phone.locator('textarea[data-test="note-input"], [data-test="note-input"] textarea').fill(note);
    await phone.locator('[data-test="submit-activity"]').click();
    await phone.locator('[data-test="my-event"]', { hasText: note }).waitFor();

    const desk = await newPage(browser);
    await login(desk, 'tangma');
    await visit(desk, `/points/approvals?unit=${me.member.unit_id}`);
    const row = desk.locator('[data-test="approval-list"] .el-table__body-wrapper tr', { hasText: note });
    await row.locator('[data-test="reject"]').click();
    const box = desk.locator('.el-message-box');
    await box.locator('input').fill('佐证材料不全');
    await box.locator('.el-button--primary').click();
    await row.waitFor({ state: 'detached' });

    await phone.reload();
    const mine = phone.locator('[data-test="my-event"]', { hasText: note });
    await mine.waitFor();
    assert.ok((await mine.innerText()).includes('驳回原因：佐证材料不全'));
    await phone.context().close();
    await desk.context().close();
  });
});
