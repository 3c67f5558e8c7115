#!/usr/bin/env node
// Gzipped JavaScript and CSS a browser downloads for a route of the production build, from
// dist/.vite/manifest.json: the entry with its static imports, plus each route chunk with its
// static imports. Usage: npm run build && npm run size
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);

const ROUTES = {
  '/login': ['src/views/session/login-page.vue'],
  '/roster/units/:id': ['src/layouts/admin-layout.vue', 'src/views/roster/units-page.vue'],
  '/roster/people': ['src/layouts/admin-layout.vue', 'src/views/roster/people-page.vue'],
  '/dashboard': ['src/layouts/admin-layout.vue', 'src/views/dashboard/team-structure-page.vue'],
  '/exchange': ['src/layouts/admin-layout.vue', 'src/views/exchange/exchange-page.vue'],
  '/evaluation': ['src/layouts/admin-layout.vue', 'src/views/evaluation/campaigns-page.vue'],
  // The board first renders without ECharts; the radar chunk follows (second figure).
  '/evaluation/:id': ['src/layouts/admin-layout.vue', 'src/views/evaluation/campaign-page.vue'],
  '/evaluation/:id (radar)': ['src/layouts/admin-layout.vue', 'src/views/evaluation/campaign-page.vue', 'src/views/evaluation/subject-radar.vue'],
  '/evaluation/:id/awards': ['src/layouts/admin-layout.vue', 'src/views/evaluation/awards-page.vue'],
  '/points/me': ['src/layouts/admin-layout.vue', 'src/views/points/my-points-page.vue'],
  '/points/approvals': ['src/layouts/admin-layout.vue', 'src/views/points/approvals-page.vue'],
  '/points/leaderboard (with the star chart)': ['src/layouts/admin-layout.vue', 'src/views/points/leaderboard-page.vue', 'src/views/points/star-chart.vue'],
  '/training/pools/:id': ['src/layouts/admin-layout.vue', 'src/views/training/pool-page.vue'],
  '/training/programs/:id': ['src/layouts/admin-layout.vue', 'src/views/training/program-page.vue'],
};

function collect(key, files = new Set(), css = new Set()) {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return { files, css };
  files.add(chunk.file);
  for (const c of chunk.css ?? []) css.add(c);
  for (const imp of chunk.imports ?? []) collect(imp, files, css);
  return { files, css };
}

const size = (file) => {
  const data = readFileSync(join(dist, file));
  return { raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
};
const kb = (n) => (n / 1024).toFixed(1);

for (const [route, keys] of Object.entries(ROUTES)) {
  const { files, css } = collect(entryKey);
  for (const key of keys) collect(key, files, css);
  let js = 0;
  let jsRaw = 0;
  const rows = [...files].map((f) => ({ f, ...size(f) })).sort((a, b) => b.gzip - a.gzip);
  for (const r of rows) {
    js += r.gzip;
    jsRaw += r.raw;
  }
  const cssGzip = [...css].reduce((n, f) => n + size(f).gzip, 0);
  console.log(`${route}: ${rows.length} JS chunks, ${kb(js)} KB gzipped JS (${kb(jsRaw)} KB raw), ${kb(cssGzip)} KB gzipped CSS`);
  if (route === '/login' || process.argv.includes('--all')) for (const r of rows) console.log(`    ${kb(r.gzip).padStart(6)} KB  ${r.f}`);
}
