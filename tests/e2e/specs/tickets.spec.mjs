// 交办督办: a member captures a 民情 item on a phone (390 px) at 塘马村, the admin office assigns it,
// the village's branch secretary (tangma) signs, reports progress and reports it done, the office
// verifies it, and the member — on the phone again — calls it back satisfied: closed, with every
// step on the timeline. Then the officers' board (a talk flag), statistics (chart and table),
// meetings with their items (and their 会议台账), 百姓议事堂 (议事堂台账), and the secretary's tasks by colour and notification centre, each
// checked with axe and saved as a screenshot for the docs. Photos: the member attaches one at quick
// capture (phone width) and sees its thumbnail on the timeline; the secretary attaches one to a
// progress note; a text file named .jpg is refused with the server's message. The town office
// imports a 12345 hotline export from the downloaded template: a bad sheet lists its rows, a good
// one is previewed (a repeated number skipped) and imported as registered hotline tickets.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE_URL, api, canvasPhoto, launch, login, newPage, shot, visit } from '../lib/browser.mjs';
import { readXlsxRows, streamToBuffer, writeXlsx } from '../lib/zip.mjs';


async function act(page, action, note) {
  await page.locator(`[data-test="action-${action}"]`).click();
  if (note !== undefined) {
    const dialog = page.locator('.el-dialog:visible');
    await input(dialog, 'action-note', 'textarea').fill(note);
    await dialog.locator('[data-test="action-save"]').click();
    await dialog.waitFor({ state: 'hidden' });
  }
}

// Element Plus puts data-test on the inner input of el-input: accept either place.
const input = (page, name, tag = 'input') => page.locator(`${tag}[data-test="${name}"], [data-test="${name}"] ${tag}`).first();

const photo = (page, name) => canvasPhoto(page, name);

// Every thumbnail on the page has loaded (the server's JPEG rendition decoded in the browser).
async function thumbnailsLoaded(page, count) {
  await page.waitForFunction(
    (n) => {
      const imgs = [...document.querySelectorAll('[data-test="attachment-thumb"]')];
      return imgs.length === n && imgs.every((img) => img.complete && img.naturalWidth > 0);
    },
    count,
  );
}

async function waitState(page, label) {
  await page.locator('[data-test="ticket-state"]', { hasText: label }).waitFor();
}

describe('tickets: from quick capture to call-back across roles', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => browser?.close());

  it('member captures on a phone, office assigns, secretary works, office verifies, member calls back', async () => {
    // 1. The member on a phone: 民情速记.
    const phone = await newPage(browser, { width: 390, height: 844 });
    await login(phone, 'member');
    await visit(phone, '/tickets/new');
    await phone.locator('[data-test="capture-unit-fixed"]', { hasText: '塘马村' }).waitFor();
    const title = `e2e 村口健身器材松动 ${Date.now()}`;
    await input(phone, 'capture-title').fill(title);
    await input(phone, 'capture-detail', 'textarea').fill('小椅子走访时村民反映，单杠底座松动，存在安全隐患');
    await input(phone, 'capture-location').fill('塘马村文化广场');
    await input(phone, 'capture-raiser').fill('村民王大伯');
    // Nothing overflows the phone's width.
    assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'no horizontal scroll at 390 px');
    // A photo taken on the spot, chosen from the phone's camera or gallery.
    await phone.locator('[data-test="capture-photo"]').setInputFiles(await photo(phone, '健身器材.jpg'));
    await phone.locator('.chosen li', { hasText: '健身器材.jpg' }).waitFor();
    await shot(phone, '70-tickets-capture-phone');
    await phone.locator('[data-test="capture-submit"]').click();
    await phone.waitForURL(/\/tickets\/\d+$/);
    const id = Number(new URL(phone.url()).pathname.split('/').pop());
    await waitState(phone, '已登记');
    // Its thumbnail sits under the registration step of the timeline.
    await phone.reload();
    await thumbnailsLoaded(phone, 1);
    const files = await api(phone, `/attachments?owner=ticket&owner_id=${id}`);
    assert.equal(files.items.length, 1);
    assert.equal(files.items[0].width, 640);
    assert.equal(files.items[0].name, '健身器材.jpg');
    assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'no horizontal scroll with the photo');
    await phone.locator('[data-test="attachment-thumb"]').scrollIntoViewIfNeeded();
    await shot(phone, '70b-tickets-photo-phone');
    // Text named .jpg: refused from its bytes, the server's words on screen, nothing stored.
    await phone.locator('[data-test="ticket-photo"]').setInputFiles({ name: '假照片.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('这不是照片') });
    await phone.locator('[data-test="ticket-photo-upload"]').click();
    await phone.locator('.el-message', { hasText: '不支持的文件类型' }).waitFor();
    assert.equal((await api(phone, `/attachments?owner=ticket&owner_id=${id}`)).items.length, 1);
    assert.deepEqual(phone.errors, []);

    // 2. The office (admin: 塘马村 lies in Liyang) finds it in its queue and assigns it.
    const office = await newPage(browser);
    await login(office, 'admin');
    await visit(office, '/tickets/mine');
    await office.locator('[data-test="ticket-card"]', { hasText: title }).waitFor();
    await office.goto(`${BASE_URL}/tickets/${id}`);
    await office.locator('[data-test="action-assign"]').click();
    const dialog = office.locator('.el-dialog:visible');
    await dialog.locator('[data-test="unit-picker"]').click();
    await office.keyboard.type('塘马');
    await office.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: '塘马村' }).first().click();
    await input(dialog, 'assign-leader').fill('戴埠镇党委副书记');
    await shot(office, '71-tickets-assign');
    await dialog.locator('[data-test="action-save"]').click();
    await dialog.waitFor({ state: 'hidden' });
    await waitState(office, '已交办');
    const assigned = await api(office, `/tickets/${id}`);
    assert.equal(assigned.handler_unit, '塘马村');
    assert.ok(assigned.deadline, 'a deadline on the working-day calendar');

    // 3. The branch secretary: the item is in their tasks; sign, a progress note, report done.
    const desk = await newPage(browser);
    await login(desk, 'tangma');
    await visit(desk, '/tickets/mine');
    await desk.locator('[data-test="ticket-card"]', { hasText: title }).waitFor();
    await desk.locator('[data-test="ticket-card"]', { hasText: title }).locator('[data-test="ticket-link"]').click();
    await desk.waitForURL(`**/tickets/${id}`);
    await act(desk, 'sign');
    await waitState(desk, '已签收');
    // A progress note with a photo: its thumbnail appears under the note on the timeline.
    await desk.locator('[data-test="action-note"]').click();
    const noteDialog = desk.locator('.el-dialog:visible');
    await input(noteDialog, 'action-note', 'textarea').fill('已联系施工队，明天加固');
    await noteDialog.locator('[data-test="note-photo"]').setInputFiles(await photo(desk, '施工现场.jpg'));
    await noteDialog.locator('[data-test="action-save"]').click();
    await noteDialog.waitFor({ state: 'hidden' });
    await waitState(desk, '办理中');
    await thumbnailsLoaded(desk, 2);
    const noteItem = desk.locator('[data-test="ticket-timeline"] .el-timeline-item', { hasText: '已联系施工队' });
    assert.equal(await noteItem.locator('[data-test="attachment-thumb"]').count(), 1, 'the note carries its photo');
    await act(desk, 'report', '底座已重新浇筑加固，附验收照片');
    await waitState(desk, '已报结');
    assert.deepEqual(desk.errors, []);

    // 4. The office verifies.
    await office.reload();
    await act(office, 'accept');
    await waitState(office, '已查办');

    // 5. The member, on the phone, calls it back: satisfied closes it.
    await phone.goto(`${BASE_URL}/tickets/${id}`);
    await phone.locator('[data-test="action-satisfied"]').waitFor();
    await shot(phone, '72-tickets-callback-phone');
    await act(phone, 'satisfied');
    await waitState(phone, '已办结');
    const steps = await phone.locator('[data-test="ticket-timeline"] .el-timeline-item').count();
    assert.equal(steps, 7, 'create, assign, sign, note, report, accept, satisfied');
    await shot(office, '73-tickets-detail-verified');
    await shot(phone, '74-tickets-closed-phone');
    assert.deepEqual(phone.errors, []);
    for (const p of [phone, office, desk]) await p.context().close();
  });

  it('officers supervise: the board, the ledger and its export, statistics and meetings; the secretary sees tasks by colour', async () => {
    const town = await newPage(browser, { width: 1440, height: 900 });
    await login(town, 'town');
    await visit(town, '/tickets/board');
    await town.locator('[data-test="board-table"] .el-table__row').first().waitFor();
    const board = await api(town, '/tickets/board');
    assert.ok(board.colours.red > 0 && board.colours.yellow > 0 && board.colours.blue > 0, JSON.stringify(board.colours));
    assert.ok(board.talks.length > 0, 'a unit is due a formal talk');
    await town.locator('[data-test="talk-flag"]').first().waitFor();
    await shot(town, '75-tickets-board');

    // 交办台账: the office narrows its ledger to the overdue (red) tickets and exports it to Excel.
    await visit(town, '/tickets/ledger');
    await town.locator('[data-test="ledger-table"] .el-table__row').first().waitFor();
    await town.locator('[data-test="ledger-colour"]').click();
    await town.locator('.el-select-dropdown__item:visible', { hasText: '已超期' }).click();
    await town.waitForURL(/colour=red/);
    const reds = await api(town, '/tickets?colour=red&per_page=1');
    assert.ok(reds.total > 0, 'the demo has red tickets in the town');
    await town.locator('[data-test="ledger-total"]', { hasText: `共 ${reds.total} 件` }).waitFor();
    await shot(town, '75b-tickets-ledger');
    const [ledger] = await Promise.all([town.waitForEvent('download'), town.locator('[data-test="ledger-export"]').click()]);
    assert.match(ledger.suggestedFilename(), /^交办台账-.*\.xlsx$/);
    const ledgerRows = readXlsxRows(await ledger.createReadStream().then(streamToBuffer));
    assert.deepEqual(ledgerRows[0].slice(0, 3), ['编号', '来源', '事项']);
    assert.equal(ledgerRows.length - 1, reds.total);
    assert.ok(ledgerRows.slice(1).every((row) => row[15].startsWith('红色')), 'every exported ticket is red');

    await town.goto(`${BASE_URL}/tickets/stats`);
    await town.locator('[data-test="stats-table"] .el-table__row').first().waitFor();
    await town.locator('.echart-figure canvas').waitFor();
    assert.ok((await town.locator('[data-test="stats-summary"]').innerText()).includes('场会议'));
    await shot(town, '76-tickets-stats');

    await town.goto(`${BASE_URL}/tickets/meetings`);
    await town.locator('[data-test="meetings-table"] .el-table__row').first().waitFor();
    const { items: meetings } = await api(town, '/meetings');
    assert.ok(meetings.length >= 12, `${meetings.length} meetings in scope`);
    await shot(town, '77-tickets-meetings');
    // 会议台账: every meeting of the list, with its items counted.
    const [meetingLedger] = await Promise.all([town.waitForEvent('download'), town.locator('[data-test="meetings-export"]').click()]);
    assert.match(meetingLedger.suggestedFilename(), /^会议台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const meetingRows = readXlsxRows(await meetingLedger.createReadStream().then(streamToBuffer));
    assert.equal(meetingRows.length, meetings.length + 1);
    const first = meetingRows.find((r) => r[2] === meetings[0].title && r[3] === meetings[0].unit);
    assert.equal(Number(first[6]), meetings[0].items);
    await town.locator('[data-test="meetings-table"] .el-table__row a').first().click();
    await town.locator('[data-test="meeting-items"]').waitFor();
    await town.locator('[data-test="ticket-card"]').first().waitFor();
    await shot(town, '78-tickets-meeting-detail');
    // 议事堂台账: the town's 百姓议事堂 records with the tickets raised from each.
    await town.goto(`${BASE_URL}/tickets/deliberations`);
    await town.locator('[data-test="deliberation-card"]').first().waitFor();
    const { items: records } = await api(town, '/deliberations');
    const [recordLedger] = await Promise.all([town.waitForEvent('download'), town.locator('[data-test="deliberations-export"]').click()]);
    assert.match(recordLedger.suggestedFilename(), /^议事堂台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const recordRows = readXlsxRows(await recordLedger.createReadStream().then(streamToBuffer));
    assert.equal(recordRows.length, records.length + 1);
    const record = recordRows.find((r) => r[2] === records[0].topic);
    assert.equal(record[1], records[0].unit);
    assert.ok(records[0].tickets.length > 0 && records[0].tickets.every((ticket) => record[5].includes(ticket.title)), record[5]);
    assert.deepEqual(town.errors, []);

    const secretary = await newPage(browser, { width: 390, height: 844 });
    await login(secretary, 'secretary');
    await visit(secretary, '/tickets/mine');
    await secretary.locator('[data-test="ticket-card"]').first().waitFor();
    const mine = await api(secretary, '/tickets/mine');
    for (const colour of ['red', 'yellow', 'blue', 'none']) assert.ok(mine.colours[colour] > 0, `${colour}: ${JSON.stringify(mine.colours)}`);
    await secretary.locator('[data-test="filter-red"]').click();
    await secretary.locator('[data-test="colour-red"]').first().waitFor();
    await shot(secretary, '79-tickets-my-tasks-phone');
    await secretary.locator('[data-test="notification-bell"]').click();
    await secretary.locator('[data-test="digest-text"]').waitFor();
    await shot(secretary, '80-tickets-notifications-phone');
    assert.deepEqual(secretary.errors, []);
    await town.context().close();
    await secretary.context().close();
  });

  it('the town office imports a 12345 hotline export: template, bad rows, preview, import', async () => {
    const town = await newPage(browser, { width: 1440, height: 900 });
    await login(town, 'town');
    await visit(town, '/tickets/hotline');
    const [download] = await Promise.all([town.waitForEvent('download'), town.locator('[data-test="hotline-template"]').click()]);
    assert.match(download.suggestedFilename(), /\.xlsx$/);
    const header = readXlsxRows(await download.createReadStream().then(streamToBuffer))[0];
    assert.deepEqual(header.slice(0, 4), ['工单编号', '来电时间', '诉求内容', '所属单位']);
    const col = (title) => header.indexOf(title);
    const line = (ref, unit, content) => {
      const cells = header.map(() => '');
      cells[col('工单编号')] = ref;
      cells[col('来电时间')] = '2026-03-05 10:22';
      cells[col('诉求内容')] = content;
      cells[col('所属单位')] = unit;
      cells[col('诉求类别')] = '环境整治';
      cells[col('办理时限')] = '5';
      return cells;
    };
    const stamp = Date.now();
    const [a, b] = [`E2E-${stamp}-1`, `E2E-${stamp}-2`];
    const dir = mkdtempSync(join(tmpdir(), 'hotline-'));
    const badPath = join(dir, '热线-有错.xlsx');
    writeFileSync(badPath, writeXlsx([header, line(a, '灵湖村', '河道垃圾漂浮'), line(b, '不存在的村', '路面破损')], '热线'));
    await town.locator('[data-test="hotline-file"]').setInputFiles(badPath);
    await town.locator('[data-test="import-errors-table"] .el-table__row').first().waitFor();
    assert.equal(await town.locator('[data-test="import-errors-table"] .el-table__row').count(), 1);
    assert.ok((await town.locator('[data-test="import-errors-table"]').innerText()).includes('所属单位'));
    await shot(town, '81-tickets-hotline-errors');
    const before = (await api(town, '/tickets?source=hotline&per_page=1')).total;

    const goodPath = join(dir, '热线.xlsx');
    writeFileSync(goodPath, writeXlsx([header, line(a, '灵湖村', '河道垃圾漂浮'), line(b, '灵湖村', '路面破损'), line(a, '灵湖村', '河道垃圾漂浮')], '热线'));
    await town.locator('[data-test="hotline-file"]').setInputFiles(goodPath);
    await town.locator('[data-test="hotline-confirm"]').waitFor();
    assert.equal(await town.locator('[data-test="hotline-created"] .el-table__row').count(), 2);
    assert.ok((await town.locator('[data-test="hotline-skipped"]').innerText()).includes('与第 2 行重复'));
    assert.equal((await api(town, '/tickets?source=hotline&per_page=1')).total, before, 'a preview writes nothing');
    await shot(town, '82-tickets-hotline-preview');
    await town.locator('[data-test="hotline-confirm"]').click();
    await town.locator('[data-test="hotline-summary"]', { hasText: '已导入' }).waitFor();
    assert.equal((await api(town, '/tickets?source=hotline&per_page=1')).total, before + 2);
    await town.locator('[data-test="hotline-created"] a').first().click();
    await town.locator('[data-test="ticket-hotline"]', { hasText: a }).waitFor();
    await waitState(town, '已登记');
    assert.deepEqual(town.errors, []);
    await town.context().close();
  });
});
