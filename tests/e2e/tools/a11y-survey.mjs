// A measurement, not a test: runs axe (lib/a11y.mjs) on every page of every demo role at 1440 px
// and 390 px and on the main dialogs, and prints violations per state (the numbers in
// docs/accessibility.md). Start a demo server first, then:
//   LINGYAN_URL=http://127.0.0.1:PORT node tests/e2e/tools/a11y-survey.mjs [--json FILE]
import { writeFileSync } from 'node:fs';
import { BASE_URL, api, launch, login, newPage } from '../lib/browser.mjs';
import { BLOCKING, runAxe } from '../lib/a11y.mjs';

const ROLES = {
  admin: ['/home', '/roster/units', '/roster/people', '/dashboard', '/evaluation', '/evaluation/metrics', '/points/approvals', '/points/leaderboard', '/points/publicity', '/points/rules', '/training/pools', '/training/programs', '/training/ladder', '/exchange'],
  county: ['/roster/units', '/roster/people', '/evaluation', '/evaluation/metrics', '/points/leaderboard', '/points/rules', '/training/ladder'],
  town: ['/roster/units', '/dashboard', '/evaluation', '/points/approvals', '/training/pools'],
  secretary: ['/roster/units', '/roster/people', '/dashboard', '/evaluation', '/points/approvals', '/points/leaderboard', '/points/publicity'],
  judge: ['/evaluation'],
  member: ['/points/me', '/points/leaderboard', '/points/publicity'],
};

async function settle(page) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.waitForTimeout(600);
}

const rows = [];
async function measure(page, role, state) {
  await settle(page);
  const violations = await runAxe(page);
  const count = (pred) => violations.filter(pred).reduce((n, v) => n + v.nodes.length, 0);
  const row = {
    role,
    width: page.viewportSize().width,
    state,
    critical: count((v) => v.impact === 'critical'),
    serious: count((v) => v.impact === 'serious'),
    other: count((v) => !BLOCKING.has(v.impact)),
    rules: [...new Set(violations.map((v) => `${v.id}:${v.impact}:${v.nodes.length}`))],
  };
  rows.push(row);
  console.log(`${role.padEnd(9)} ${String(row.width).padStart(4)} ${state.padEnd(34)} crit ${row.critical} serious ${row.serious} other ${row.other}  ${row.rules.join(' ')}`);
}

const browser = await launch();
try {
  for (const width of [1440, 390]) {
    for (const [role, paths] of Object.entries(ROLES)) {
      const page = await newPage(browser, { width, height: width > 800 ? 900 : 844 });
      if (role === 'admin') {
        await page.goto(`${BASE_URL}/login`);
        await measure(page, 'anon', '/login');
      }
      await login(page, role);
      const extra = [];
      if (role === 'admin') {
        const unit = (await api(page, `/units?q=${encodeURIComponent('北联村')}`)).items[0];
        const person = (await api(page, `/people?unit=${unit.id}&subtree=1&size=1`)).items[0];
        const campaign = (await api(page, '/campaigns')).items[0];
        const pool = (await api(page, '/pools')).items[0];
        const program = (await api(page, '/programs')).items[0];
        extra.push(`/roster/units/${unit.id}`, `/roster/people/${person.id}`, '/roster/people/new', `/evaluation/${campaign.id}`, `/evaluation/${campaign.id}/awards`, '/evaluation/new', `/training/pools/${pool.id}`, `/training/programs/${program.id}`);
      }
      for (const path of [...paths, ...extra]) {
        await page.goto(`${BASE_URL}${path}`);
        await measure(page, role, path);
      }
      if (role === 'admin') {
        // Dialogs: a new pool, a new program, a new rule, the ladder's level table.
        for (const [path, button] of [['/training/pools', /新建|新增/], ['/training/programs', /新建|新增/], ['/points/rules', /新增规则|新建规则|新增/]]) {
          await page.goto(`${BASE_URL}${path}`);
          await settle(page);
          await page.getByRole('button', { name: button }).first().click();
          await page.locator('.el-dialog:visible, .el-drawer:visible').first().waitFor();
          await measure(page, role, `${path} dialog`);
        }
      }
      if (role === 'member') {
        await page.goto(`${BASE_URL}/points/me`);
        await page.locator('[data-test="open-submit"]').click();
        await page.locator('.el-drawer:visible').first().waitFor();
        await measure(page, role, '/points/me submit drawer');
      }
      if (width < 768) {
        await page.goto(`${BASE_URL}${paths[0]}`);
        await settle(page);
        await page.locator('[data-test="menu-toggle"]').click();
        await page.locator('.el-drawer [data-test="side-menu"]').waitFor();
        await measure(page, role, `${paths[0]} menu drawer`);
      }
      await page.context().close();
    }
  }
} finally {
  await browser.close();
}
const states = rows.length;
const failing = rows.filter((r) => r.critical + r.serious > 0).length;
const sum = (k) => rows.reduce((n, r) => n + r[k], 0);
console.log(`\n${states} states; ${states - failing} pass (no critical/serious); critical ${sum('critical')}, serious ${sum('serious')}, other ${sum('other')}`);
const ruleTotals = {};
for (const r of rows) for (const x of r.rules) { const [id, impact, n] = x.split(':'); ruleTotals[`${id} (${impact})`] = (ruleTotals[`${id} (${impact})`] ?? 0) + Number(n); }
console.log(ruleTotals);
const i = process.argv.indexOf('--json');
if (i > 0) writeFileSync(process.argv[i + 1], JSON.stringify(rows, null, 1));
