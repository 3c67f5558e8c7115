// 培育: pools with quota use and candidate checks (reasons in words), a pool's 名单 exported; the demo's 南通→苏州 跟岗
// program with its dashboard, placements and the trainee/host comparison; creating a pool and a
// program through the forms and recording a trainee's summary; the 四岗十五级 ladder page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, api, launch, login, newPage, serverToday, shot, visit } from '../lib/browser.mjs';
import { audit } from '../lib/a11y.mjs';
import { readXlsxRows, streamToBuffer } from '../lib/zip.mjs';

describe('training: pools and the 跟岗 program', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => browser?.close());

  it('admin sees pool quotas and why a candidate is not eligible', async () => {
    const page = await newPage(browser);
    await login(page, 'admin');
    await visit(page, '/training/pools');
    const pools = (await api(page, '/pools')).items;
    assert.ok(pools.length >= 1);
    await page.locator('[data-test="pool-card"]').first().waitFor();
    assert.equal(await page.locator('[data-test="pool-card"]').count(), pools.length);
    await shot(page, '60-training-pools');

    const young = pools.find((p) => p.rules?.max_age) ?? pools[0];
    await page.locator('[data-test="pool-link"]', { hasText: young.name }).click();
    await page.locator('[data-test="pool-members"]').waitFor();
    await page.getByRole('tab', { name: /候选人/ }).click();
    const candidates = page.locator('[data-test="pool-candidates"]');
    await candidates.locator('[data-test="candidate-check"]').first().waitFor();
    const { items } = await api(page, `/pools/${young.id}/candidates`);
    const refused = items.find((c) => !c.eligible);
    if (refused) {
      const reason = refused.checks.find((c) => !c.passed).reason;
      await candidates.locator('[data-test="candidate-check"]', { hasText: reason }).first().waitFor();
    }
    await shot(page, '61-training-candidates');

    // 导出名单: a pool with members, downloaded as its 名册 — the members in order, their state in words.
    let listed = null;
    for (const p of pools) {
      const detail = await api(page, `/pools/${p.id}`);
      if (detail.members.length) {
        listed = detail;
        break;
      }
    }
    assert.ok(listed, 'the demo has a pool with members');
    await visit(page, `/training/pools/${listed.id}`);
    await page.locator('[data-test="pool-members"]').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="pool-export"]').click()]);
    assert.match(download.suggestedFilename(), new RegExp(`^${listed.name}-名单-.*\\.xlsx$`));
    const rows = readXlsxRows(await download.createReadStream().then(streamToBuffer));
    assert.deepEqual(rows[0].slice(0, 5), ['序号', '姓名', '性别', '出生年月', '学历']);
    assert.deepEqual(rows.slice(1).map((r) => r[1]), listed.members.map((m) => m.name));
    const words = { nominated: '已提名', selected: '已入库', in_training: '培养中', graduated: '已结业', appointed: '已任用', left: '已退出' };
    assert.deepEqual(rows.slice(1).map((r) => r[9]), listed.members.map((m) => words[m.state]));
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  it('admin exports the program list, opens the program dashboard and compares a trainee with the host', async () => {
    const page = await newPage(browser);
    await login(page, 'admin');
    await visit(page, '/training/programs');
    const programs = (await api(page, '/programs')).items;
    assert.ok(programs.length >= 1);
    const program = programs[0];
    // 培训项目台账: the list with each program's figures.
    const [ledger] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="programs-export"]').click()]);
    assert.match(ledger.suggestedFilename(), /^培训项目台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const ledgerRows = readXlsxRows(await ledger.createReadStream().then(streamToBuffer));
    assert.equal(ledgerRows.length, programs.length + 1);
    const listed = ledgerRows.find((r) => r[0] === program.name);
    assert.equal(Number(listed[6]), program.dashboard.trainees);
    await page.locator('[data-test="program-link"]', { hasText: program.name }).click();
    await page.locator('[data-test="program-dashboard"]').waitFor();
    assert.ok((await page.locator('[data-test="program-dashboard"]').innerText()).includes(String(program.dashboard.trainees)));
    await shot(page, '62-training-program');
    // 导出跟岗名单: one row per placement, as the program lists them.
    const detail = await api(page, `/programs/${program.id}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="placements-export"]').click()]);
    assert.match(download.suggestedFilename(), /^跟岗名单-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const rows = readXlsxRows(await download.createReadStream().then(streamToBuffer));
    assert.deepEqual(rows[0].slice(0, 6), ['序号', '批次', '学员', '学员单位', '跟岗单位', '导师']);
    assert.deepEqual(rows.slice(1).map((r) => r[2]), detail.placements.map((p) => p.person_name));

    await page.getByRole('tab', { name: '跟岗安排' }).click();
    await page.locator('[data-test="placements"] [data-test="compare"]').first().click();
    await page.locator('[data-test="unit-compare"]').waitFor();
    await shot(page, '63-training-compare');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  it('places a new batch from the recommendation, with one host changed by hand', async () => {
    const page = await newPage(browser);
    const me = await login(page, 'admin');
    const demo = (await api(page, '/programs')).items.at(-1);
    const detail = await api(page, `/programs/${demo.id}`);
    const trainees = detail.batches[0].trainees.slice(0, 3).map((x) => x.person_id);
    // A new program next year: the same hosts, three of the demo's trainees.
    const created = await page.request.post(`${BASE_URL}/api/v1/programs`, {
      headers: { 'X-CSRF-Token': me.csrf_token },
      data: {
        name: `e2e 跟岗 ${Date.now()}`,
        scope_unit_id: detail.scope_unit_id,
        start_date: '2027-03-01',
        end_date: '2027-04-30',
        hosts: detail.hosts.map((h) => ({ unit_id: h.unit_id, capacity: 1 })),
        batches: [{ name: '第一批', start_date: '2027-03-01', end_date: '2027-03-31', trainees }],
      },
    });
    assert.equal(created.status(), 201, await created.text());
    const program = await created.json();

    await page.goto(`${BASE_URL}/training/programs/${program.id}`);
    await page.getByRole('tab', { name: '智能推荐' }).click();
    const rows = page.locator('[data-test="rec-row"]');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 3);
    // Each row shows the trainee's and the recommended host's units side by side.
    assert.equal(await rows.first().locator('[data-test="unit-compare"]').count(), 1);
    // Change the first trainee's host to another one.
    const rec = await api(page, `/programs/${program.id}/recommendation?batch=${program.batches[0].id}`);
    const used = new Set(rec.rows.map((r) => r.host?.unit_id));
    const spare = detail.hosts.find((h) => !used.has(h.unit_id));
    await rows.first().locator('.el-select').click();
    await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: spare.name }).first().click();
    await rows.first().getByText('人工调整').waitFor();
    await shot(page, '64-training-recommendation');
    await page.locator('[data-test="place-all"]').click();
    await page.locator('.el-empty', { hasText: '本批次学员均已安排' }).waitFor();

    const after = await api(page, `/programs/${program.id}`);
    assert.equal(after.placements.length, 3);
    const first = after.placements.find((x) => x.person_id === rec.rows[0].person_id);
    assert.equal(first.host_unit_id, spare.unit_id);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  it('shows each host\'s true places per batch, and for a batch without trainees recommends people with reasons', async () => {
    const page = await newPage(browser);
    const me = await login(page, 'admin');
    const demo = (await api(page, '/programs')).items.find((p) => p.dashboard.placements >= 48);
    const detail = await api(page, `/programs/${demo.id}`);
    // The demo's batches are the article's: 23 and 25, and wholly in the past.
    assert.deepEqual(detail.batches.map((b) => b.trainees.length), [23, 25]);
    const today = serverToday();
    assert.ok(detail.end_date <= today, `${detail.end_date} is not after ${today}`);

    // The host table: per batch "placed/places", never above the places.
    await page.goto(`${BASE_URL}/training/programs/${demo.id}`);
    await page.getByRole('tab', { name: '批次' }).click();
    const hosts = page.locator('[data-test="hosts"]');
    await hosts.locator('[data-test="host-load"]').first().waitFor();
    const host = detail.hosts[0];
    for (const load of host.by_batch) {
      assert.ok(load.placed <= host.capacity, `${host.name} ${load.batch_name}: ${load.placed}/${host.capacity}`);
      await hosts.locator('tr', { hasText: host.name }).locator('[data-test="host-load"]', { hasText: `${load.batch_name} ${load.placed}/${host.capacity}` }).waitFor();
    }
    await shot(page, '66-training-host-places');

    // A new program with the demo's hosts and one empty batch: the recommendation names people.
    const created = await page.request.post(`${BASE_URL}/api/v1/programs`, {
      headers: { 'X-CSRF-Token': me.csrf_token },
      data: {
        name: `e2e 新批次 ${Date.now()}`,
        scope_unit_id: detail.scope_unit_id,
        start_date: detail.start_date,
        end_date: detail.end_date,
        hosts: detail.hosts.map((h) => ({ unit_id: h.unit_id, capacity: 1 })),
        batches: [{ name: '新批次', start_date: detail.batches[1].start_date, end_date: detail.batches[1].end_date, trainees: [] }],
      },
    });
    assert.equal(created.status(), 201, await created.text());
    const program = await created.json();
    const rec = await api(page, `/programs/${program.id}/recommendation?batch=${program.batches[0].id}`);
    assert.equal(rec.enrolled, 0);
    assert.ok(rec.candidates.length > 0, 'somebody is recommended');
    assert.ok(rec.candidates.length <= detail.hosts.length, 'no more than the free places');

    await page.goto(`${BASE_URL}/training/programs/${program.id}`);
    await page.getByRole('tab', { name: '智能推荐' }).click();
    const candidates = page.locator('[data-test="rec-candidate"]');
    await candidates.first().waitFor();
    assert.equal(await candidates.count(), rec.candidates.length);
    const first = candidates.first();
    assert.ok((await first.innerText()).includes(rec.candidates[0].person_name));
    assert.equal(await first.locator('[data-test="rec-why"]').innerText(), rec.candidates[0].why);
    assert.ok(rec.candidates[0].why.includes('倍'), rec.candidates[0].why);
    await shot(page, '67-training-candidates');

    // Enrol them all: each becomes a trainee with a recommended host and the reason for it.
    await page.locator('[data-test="enrol-all"]').click();
    const rows = page.locator('[data-test="rec-row"]');
    await rows.first().waitFor();
    assert.equal(await rows.count(), rec.candidates.length);
    assert.ok((await rows.locator('[data-test="rec-why"]').first().innerText()).includes('倍'));
    const after = await api(page, `/programs/${program.id}`);
    assert.deepEqual(after.batches[0].trainees.map((x) => x.person_id).sort(), rec.candidates.map((c) => c.person_id).sort());
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  it('creates a pool with a quota through the form', async () => {
    const page = await newPage(browser);
    await login(page, 'admin');
    await visit(page, '/training/pools');
    await page.locator('[data-test="pool-card"]').first().waitFor();
    const name = `e2e 梯队 ${Date.now()}`;
    await page.locator('[data-test="pool-create"]').click();
    const dialog = page.locator('.el-dialog:visible');
    await dialog.locator('input[data-test="pool-name"], [data-test="pool-name"] input').fill(name);
    const quota = dialog.locator('.el-form-item', { hasText: '名额' }).first().locator('.el-input-number input');
    await quota.fill('12');
    await quota.press('Tab');
    // The owner unit: the first unit of the admin's scope.
    await dialog.locator('.el-form-item', { hasText: '所属单位' }).locator('.el-select').click();
    await page.locator('.el-select-dropdown:visible .el-select-dropdown__item').first().click();
    await shot(page, '65-training-pool-form');
    await dialog.locator('[data-test="pool-save"]').click();
    await page.locator('[data-test="pool-card"]', { hasText: name }).waitFor();
    const created = (await api(page, '/pools')).items.find((p) => p.name === name);
    assert.ok(created, 'pool saved');
    assert.equal(created.quota, 12);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  it('creates a program through the form and records a trainee summary', async () => {
    const page = await newPage(browser);
    const me = await login(page, 'admin');
    await visit(page, '/training/programs');
    await page.locator('[data-test="program-list"]').waitFor();
    const name = `e2e 项目 ${Date.now()}`;
    // The trainee: one of the demo program's secretaries, found by name in the batch row.
    const demo = (await api(page, '/programs')).items.find((p) => p.dashboard.placements >= 48);
    const demoDetail = await api(page, `/programs/${demo.id}`);
    const sample = demoDetail.placements[0];
    await page.locator('[data-test="program-create"]').click();
    const dialog = page.locator('.el-dialog:visible');
    await dialog.locator('input[data-test="program-name-input"], [data-test="program-name-input"] input').fill(name);
    await dialog.locator('.el-form-item', { hasText: '所属单位' }).locator('.el-select').click();
    await page.locator('.el-select-dropdown:visible .el-select-dropdown__item').first().click();
    const ranges = dialog.locator('.el-range-input');
    await ranges.nth(0).fill('2028-03-01');
    await ranges.nth(0).press('Enter');
    await ranges.nth(1).fill('2028-04-30');
    await ranges.nth(1).press('Enter');
    await ranges.nth(2).fill('2028-03-01');
    await ranges.nth(2).press('Enter');
    await ranges.nth(3).fill('2028-03-31');
    await ranges.nth(3).press('Enter');
    await dialog.locator('[data-test="person-picker"]').first().click();
    await page.keyboard.type(sample.person_name);
    await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: sample.trainee_unit_name }).first().click();
    await page.keyboard.press('Escape');
    await shot(page, '66-training-program-form');
    await dialog.locator('[data-test="program-save"]').click();
    await page.locator('[data-test="program-name"]', { hasText: name }).waitFor();
    const program = (await api(page, '/programs')).items.find((p) => p.name === name);
    assert.ok(program, 'program saved');
    assert.equal(program.start_date, '2028-03-01');
    assert.equal(program.end_date, '2028-04-30');
    const detail = await api(page, `/programs/${program.id}`);
    assert.equal(detail.batches.length, 1);
    assert.equal(detail.batches[0].end_date, '2028-03-31');
    assert.deepEqual(detail.batches[0].trainees.map((x) => x.person_id), [sample.person_id]);

    // One placement (through the API: the recommendation form is covered above), then the
    // trainee's summary through the placement drawer.
    const placed = await page.request.post(`${BASE_URL}/api/v1/programs/${program.id}/placements`, {
      headers: { 'X-CSRF-Token': me.csrf_token },
      data: { placements: [{ person_id: sample.person_id, host_unit_id: sample.host_unit_id, start_date: '2028-03-05', end_date: '2028-03-25' }] },
    });
    assert.equal(placed.status(), 201, await placed.text());
    await page.reload();
    await page.getByRole('tab', { name: '跟岗安排' }).click();
    await page.locator('[data-test="placements"] [data-test="placement-open"]').first().click();
    const drawer = page.locator('.el-drawer:visible');
    const text = '学习了党建引领产业发展的做法，回村后推进农文旅融合。';
    await drawer.locator('textarea[data-test="summary-text"], [data-test="summary-text"] textarea').fill(text);
    await audit(page, 'placement drawer');
    await drawer.locator('[data-test="summary-save"]').click();
    await page.locator('.el-message--success').first().waitFor();
    await shot(page, '67-training-summary');
    const after = await api(page, `/programs/${program.id}`);
    assert.equal(after.placements[0].summary_text, text);
    assert.equal(after.dashboard.summaries_in, 1);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  it('grades on the ladder page: history with the promotion check, and a bonus split previewed', async () => {
    const page = await newPage(browser);
    await login(page, 'admin');
    await visit(page, '/training/ladder');
    await page.locator('[data-test="ladder-table"]').waitFor();
    // 张家港市: the demo grades its team members from 2024-01-01.
    await page.locator('[data-test="ladder-page"] [data-test="unit-picker"]').click();
    await page.keyboard.type('张家港');
    await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: '张家港市' }).first().click();
    const zjg = (await api(page, '/units?q=' + encodeURIComponent('张家港市'))).items?.find((u) => u.name === '张家港市');
    const ladder = await api(page, `/ladder?unit=${zjg.id}`);
    assert.ok(ladder.graded > 0);
    const top = ladder.items[0];
    await page.locator('[data-test="ladder-table"] .el-table__row', { hasText: top.name }).first().waitFor();
    await page.locator('[data-test="ladder-table"] .el-table__row', { hasText: top.name }).first().locator('[data-test="ladder-open"]').click();
    const drawer = page.locator('.el-drawer:visible');
    await drawer.locator('[data-test="ladder-history"] .el-table__row').first().waitFor();
    await drawer.getByText(/本级任职/).first().waitFor();
    await shot(page, '68-training-ladder');
    await drawer.locator('.el-drawer__close-btn').click();

    await page.getByRole('tab', { name: '奖金池分配' }).click();
    await page.locator('input[data-test="bonus-pool"], [data-test="bonus-pool"] input').fill('100000');
    await page.locator('[data-test="bonus-preview"]').click();
    const summary = page.locator('[data-test="bonus-summary"]');
    await summary.waitFor();
    assert.match(await summary.innerText(), /奖金池 100000\.00 元，\d+ 人/);
    assert.equal(await page.locator('[data-test="bonus-lines"] .el-table__row').count(), ladder.graded);
    await shot(page, '69-training-bonus');
    assert.equal((await api(page, '/bonus-splits')).items.length, 0); // a preview writes nothing
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});
