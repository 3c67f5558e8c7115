#!/usr/bin/env node
// A stand-in for `lingyan serve --demo`, implementing the parts of docs/api.md the web app
// uses, with a small demo region (苏州市 → 吴江区 → 同里镇 → 北联村 …). It lets the browser
// specs and the web app be developed before the C++ server exists, and serves web/dist.
// Usage: node mock-server.mjs --port 8080 [--dist ../../web/dist]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { readXlsxRows, writeXlsx } from './lib/zip.mjs';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const PORT = Number(arg('--port', '8080'));
const DIST = arg('--dist', fileURLToPath(new URL('../../web/dist', import.meta.url)));

// ---- demo data -------------------------------------------------------------------------
const units = [];
const add = (id, parent_id, code, name, kind, extra = {}) =>
  units.push({ id, parent_id, code, name, kind, economy: 'none', dev_zone: false, near_highway: false, population: 0, area_km2: 0, ...extra });
add(1, null, '320500000000', '苏州市', 'city', { economy: 'mixed', population: 12910000, area_km2: 8657 });
add(2, 1, '320509000000', '吴江区', 'county', { economy: 'mixed', population: 1540000, area_km2: 1176 });
add(3, 1, '320582000000', '张家港市', 'county', { economy: 'industry', population: 1440000, area_km2: 999 });
add(10, 2, '320509103000', '同里镇', 'town', { economy: 'tourism', population: 62000, area_km2: 178 });
add(11, 2, '320509102000', '震泽镇', 'town', { economy: 'industry', population: 96000, area_km2: 96 });
add(12, 3, '320582101000', '南丰镇', 'town', { economy: 'mixed', population: 80000, area_km2: 62 });
const villages = [
  [100, 10, '320509103201', '北联村', { economy: 'agriculture', dev_zone: true, near_highway: true, population: 4862, area_km2: 8.6 }],
  [101, 10, '320509103202', '肖甸湖村', { economy: 'tourism', population: 3120, area_km2: 6.1 }],
  [102, 10, '320509103203', '同里村', { economy: 'tourism', population: 2980, area_km2: 5.3 }],
  [103, 11, '320509102201', '众安桥村', { economy: 'industry', population: 3800, area_km2: 7.4 }],
  [104, 12, '320582101201', '永联村', { economy: 'industry', population: 11000, area_km2: 12.3 }],
];
for (const [id, parent, code, name, extra] of villages) add(id, parent, code, name, 'village', extra);
add(105, 10, '320509103001', '同里社区', 'community', { economy: 'urban', population: 5200, area_km2: 1.2 });

const partyOrgs = {
  100: [{ id: 1, name: '北联村党委', kind: 'committee', member_count: 186 }],
  101: [{ id: 2, name: '肖甸湖村党总支', kind: 'general_branch', member_count: 104 }],
  102: [{ id: 3, name: '同里村党支部', kind: 'branch', member_count: 63 }],
  103: [{ id: 4, name: '众安桥村党支部', kind: 'branch', member_count: 41 }],
  104: [{ id: 5, name: '永联村党委', kind: 'committee', member_count: 420 }],
  105: [{ id: 6, name: '同里社区党支部', kind: 'branch', member_count: 38 }],
};
const upgradeHint = (org) => {
  if (org.kind === 'committee') return null;
  if (org.member_count >= 100) return 'committee';
  if (org.member_count >= 50 && org.kind !== 'general_branch') return 'general_branch';
  return null;
};
const incomes = { 100: [[2021, 11200000], [2022, 12300000], [2023, 13000000]], 101: [[2023, 2600000]], 104: [[2023, 98000000]] };

const SURNAMES = '陈王李张刘杨吴周徐孙朱马胡郭何高林罗郑梁';
const GIVEN = ['春华', '建国', '晓燕', '志强', '丽娟', '海峰', '文静', '国庆', '秀英', '伟', '敏', '俊杰', '雪梅', '永明', '小亮'];
const EDUS = ['middle', 'high', 'junior_college', 'bachelor', 'bachelor', 'junior_college', 'postgraduate'];
const TITLES = ['书记', '主任', '副书记', '委员', '委员'];
let nextPersonId = 1;
let nextPositionId = 1;
const people = [];
const positions = [];
const TODAY = '2026-11-22';
function addPerson(unit_id, p, title, start) {
  const person = { id: nextPersonId++, unit_id, party_join_date: '2005-07-01', phone: '13800000000', id_number: '32050919800101' + String(1000 + nextPersonId).slice(-4), reserve_cadre: false, ...p };
  people.push(person);
  if (title) positions.push({ id: nextPositionId++, person_id: person.id, unit_id, title, start_date: start, end_date: null });
  return person;
}
let seed = 7;
const rand = (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
for (const [id] of villages) {
  for (let k = 0; k < 5; k++) {
    const year = k === 0 ? (id === 102 ? 1967 : 1972 + rand(10)) : 1965 + rand(35);
    addPerson(
      id,
      {
        name: (id === 100 && k === 0 ? '陈春华' : SURNAMES[rand(SURNAMES.length)] + GIVEN[rand(GIVEN.length)]),
        gender: rand(3) === 0 ? 'female' : 'male',
        birth_date: `${year}-0${1 + rand(9)}-1${rand(9)}`,
        education: EDUS[rand(EDUS.length)],
        reserve_cadre: k === 4 && id !== 102,
      },
      TITLES[k],
      `20${10 + rand(12)}-0${1 + rand(9)}-01`,
    );
  }
}
addPerson(105, { name: '沈丽华', gender: 'female', birth_date: '1986-05-12', education: 'bachelor' }, '书记', '2021-01-15');

const users = {
  // Like the real demo: a deployment-wide scope is scope_unit_id 0.
  admin: { id: 1, username: 'admin', display_name: '市委组织部管理员', role: 'admin', scope_unit_id: 0 },
  county: { id: 2, username: 'county', display_name: '吴江区委组织部', role: 'county', scope_unit_id: 2 },
  town: { id: 3, username: 'town', display_name: '同里镇党委组织委员', role: 'town', scope_unit_id: 10 },
  secretary: { id: 4, username: 'secretary', display_name: '陈春华', role: 'secretary', scope_unit_id: 100 },
  member: { id: 5, username: 'member', display_name: '党员', role: 'member', scope_unit_id: 100 },
};
const sessions = new Map(); // sid → { user, csrf }

// ---- helpers ---------------------------------------------------------------------------
const unitById = (id) => units.find((u) => u.id === Number(id));
const childrenOf = (id) => units.filter((u) => u.parent_id === id).sort((a, b) => a.code.localeCompare(b.code));
const withCount = (u) => ({ ...u, child_count: childrenOf(u.id).length });
function inScope(unitId, scopeId) {
  if (scopeId === 0) return Boolean(unitById(unitId));
  for (let u = unitById(unitId); u; u = u.parent_id ? unitById(u.parent_id) : null) if (u.id === scopeId) return true;
  return false;
}
function subtree(id) {
  const out = [id];
  for (const c of childrenOf(id)) out.push(...subtree(c.id));
  return out;
}
function ageOf(birth) {
  const [y, m, d] = birth.split('-').map(Number);
  const [ty, tm, td] = TODAY.split('-').map(Number);
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}
const band = (age) => (age <= 35 ? '≤35' : age <= 45 ? '36-45' : age <= 55 ? '46-55' : '56+');
const BANDS = ['≤35', '36-45', '46-55', '56+'];
function personView(p) {
  const ps = positions.filter((x) => x.person_id === p.id).map((x) => ({ ...x, unit_name: unitById(x.unit_id).name }));
  const { id_number, ...rest } = p;
  return { ...rest, unit_name: unitById(p.unit_id).name, age: ageOf(p.birth_date), id_number_masked: id_number ? id_number.slice(0, 6) + '********' + id_number.slice(-4) : '', positions: ps };
}
const inOffice = (p) => positions.some((x) => x.person_id === p.id && !x.end_date);

function send(res, status, body, headers = {}) {
  if (body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const data = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': data.length, ...headers });
  res.end(data);
}
const fail = (res, status, code, message, field, extra = {}) => send(res, status, { error: { code, message, ...(field ? { field } : {}) }, ...extra });
const readBody = (req) =>
  new Promise((resolve) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
  });
function cookieSid(req) {
  const m = /(?:^|;\s*)lingyan_session=([^;]+)/.exec(req.headers.cookie ?? '');
  return m ? m[1] : null;
}

function filterPeople(user, q) {
  const unit = Number(q.get('unit')) || user.scope_unit_id;
  let ids;
  if (unit === 0) ids = new Set(units.map((u) => u.id));
  else {
    if (!unitById(unit) || !inScope(unit, user.scope_unit_id)) return null;
    ids = new Set(q.get('subtree') === '0' ? [unit] : subtree(unit));
  }
  let list = people.filter((p) => ids.has(p.unit_id));
  const position = q.get('position');
  if (position) list = list.filter((p) => positions.some((x) => x.person_id === p.id && !x.end_date && x.title === position));
  if (q.get('age_band')) list = list.filter((p) => band(ageOf(p.birth_date)) === q.get('age_band'));
  if (q.get('education')) list = list.filter((p) => p.education === q.get('education'));
  if (q.get('q')) list = list.filter((p) => p.name.includes(q.get('q')));
  const sort = q.get('sort') || 'unit';
  const key = sort.replace('-', '');
  const dir = sort.startsWith('-') ? -1 : 1;
  list.sort((a, b) => (key === 'unit' ? unitById(a.unit_id).code.localeCompare(unitById(b.unit_id).code) || a.id - b.id : dir * String(a[key]).localeCompare(String(b[key]), 'zh-CN')));
  return list;
}

function stats(scopeIds) {
  const list = people.filter((p) => scopeIds.has(p.unit_id) && inOffice(p));
  const ages = list.map((p) => ageOf(p.birth_date));
  const secretaries = list.filter((p) => positions.some((x) => x.person_id === p.id && !x.end_date && x.title === '书记'));
  const risks = secretaries
    .filter((s) => ageOf(s.birth_date) >= 57 && !people.some((p) => p.unit_id === s.unit_id && p.reserve_cadre))
    .map((s) => ({ unit_id: s.unit_id, unit_name: unitById(s.unit_id).name, person_id: s.id, secretary_name: s.name, age: ageOf(s.birth_date) }));
  return {
    count: list.length,
    average_age: list.length ? ages.reduce((a, b) => a + b, 0) / list.length : 0,
    college_share: list.length ? list.filter((p) => ['junior_college', 'bachelor', 'postgraduate'].includes(p.education)).length / list.length : 0,
    male: list.filter((p) => p.gender === 'male').length,
    female: list.filter((p) => p.gender === 'female').length,
    age_bands: BANDS.map((b) => ({ band: b, count: ages.filter((a) => band(a) === b).length })),
    pyramid: BANDS.map((b) => ({ band: b, male: list.filter((p) => p.gender === 'male' && band(ageOf(p.birth_date)) === b).length, female: list.filter((p) => p.gender === 'female' && band(ageOf(p.birth_date)) === b).length })),
    education: ['middle', 'high', 'junior_college', 'bachelor', 'postgraduate'].map((level) => ({ level, count: list.filter((p) => p.education === level).length })),
    secretary_age_bands: BANDS.map((b) => ({ band: b, count: secretaries.filter((s) => band(ageOf(s.birth_date)) === b).length })),
    succession_risks: risks,
  };
}

const IMPORT_COLUMNS = ['单位区划代码', '姓名', '性别', '出生日期', '学历', '职务', '任职时间', '身份证号', '联系电话'];
const EDU_NAMES = { 初中及以下: 'middle', 高中: 'high', 中专: 'high', 大专: 'junior_college', 本科: 'bachelor', 研究生: 'postgraduate' };
function parseCsv(text) {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l) => l.split(',').map((c) => c.trim()));
}
function importRows(user, rows) {
  const header = rows[0] ?? [];
  const errors = [];
  const col = (name) => header.indexOf(name);
  for (const name of ['单位区划代码', '姓名', '性别', '出生日期']) if (col(name) < 0) errors.push({ sheet: '人员', row: 1, field: name, message: `缺少列“${name}”` });
  if (errors.length) return { errors };
  const parsed = [];
  rows.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const get = (name) => (col(name) >= 0 ? cells[col(name)] ?? '' : '');
    const unit = units.find((u) => u.code === get('单位区划代码'));
    if (!unit || !inScope(unit.id, user.scope_unit_id)) errors.push({ sheet: '人员', row, field: '单位区划代码', message: `区划代码“${get('单位区划代码')}”不存在或不在管理范围内` });
    if (!get('姓名')) errors.push({ sheet: '人员', row, field: '姓名', message: '姓名不能为空' });
    if (!['男', '女'].includes(get('性别'))) errors.push({ sheet: '人员', row, field: '性别', message: '性别只能填“男”或“女”' });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(get('出生日期'))) errors.push({ sheet: '人员', row, field: '出生日期', message: '出生日期格式应为 YYYY-MM-DD' });
    if (get('学历') && !EDU_NAMES[get('学历')]) errors.push({ sheet: '人员', row, field: '学历', message: `无法识别的学历“${get('学历')}”` });
    parsed.push({ unit, name: get('姓名'), gender: get('性别') === '女' ? 'female' : 'male', birth_date: get('出生日期'), education: EDU_NAMES[get('学历')] ?? 'high', title: get('职务'), start: get('任职时间') || TODAY });
  });
  if (errors.length) return { errors };
  for (const r of parsed) addPerson(r.unit.id, { name: r.name, gender: r.gender, birth_date: r.birth_date, education: r.education }, r.title || null, r.start);
  return { imported: parsed.length, units: new Set(parsed.map((r) => r.unit.id)).size };
}

// ---- routes ----------------------------------------------------------------------------
async function api(req, res, url) {
  const path = url.pathname.replace(/^\/api\/v1/, '');
  const q = url.searchParams;
  if (path === '/health') return send(res, 200, { status: 'ok' });
  if (path === '/session' && req.method === 'POST') {
    const body = JSON.parse((await readBody(req)).toString() || '{}');
    const user = users[body.username];
    if (!user || body.password !== 'lingyan-demo') return fail(res, 401, 'unauthorized', '用户名或密码错误');
    const sid = randomBytes(16).toString('hex');
    const csrf = randomBytes(16).toString('hex');
    const full = { ...user, scope_unit_name: user.scope_unit_id ? unitById(user.scope_unit_id).name : '全部单位' };
    sessions.set(sid, { user: full, csrf });
    return send(res, 200, { user: { ...full, csrf_token: csrf }, csrf_token: csrf }, { 'Set-Cookie': `lingyan_session=${sid}; HttpOnly; SameSite=Strict; Path=/` });
  }
  const session = sessions.get(cookieSid(req));
  if (!session) return fail(res, 401, 'unauthorized', '未登录或会话已过期');
  if (req.method !== 'GET' && req.headers['x-csrf-token'] !== session.csrf) return fail(res, 403, 'csrf', 'CSRF 校验失败');
  const user = session.user;
  if (path === '/session' && req.method === 'DELETE') {
    sessions.delete(cookieSid(req));
    return send(res, 204);
  }
  if (path === '/me') return send(res, 200, { ...user, csrf_token: session.csrf });

  if (path === '/units' && req.method === 'GET') {
    let items;
    if (q.get('q')) {
      const s = q.get('q');
      items = units.filter((u) => inScope(u.id, user.scope_unit_id) && (u.name.includes(s) || u.code.startsWith(s)));
    } else if (q.get('parent')) {
      const parent = Number(q.get('parent'));
      if (!inScope(parent, user.scope_unit_id)) return fail(res, 404, 'not_found', '单位不存在');
      items = childrenOf(parent);
    } else items = user.scope_unit_id ? [unitById(user.scope_unit_id)] : units.filter((u) => u.parent_id === null);
    const size = Number(q.get('size')) || 50;
    const page = Number(q.get('page')) || 1;
    return send(res, 200, { items: items.slice((page - 1) * size, page * size).map(withCount), total: items.length, page, size });
  }
  let m = /^\/units\/(\d+)(\/stats)?$/.exec(path);
  if (m && req.method === 'GET') {
    const unit = unitById(m[1]);
    if (!unit || !inScope(unit.id, user.scope_unit_id)) return fail(res, 404, 'not_found', '单位不存在或不在管理范围内');
    if (m[2]) return send(res, 200, stats(new Set(subtree(unit.id))));
    const ancestors = [];
    for (let u = unit.parent_id ? unitById(unit.parent_id) : null; u; u = u.parent_id ? unitById(u.parent_id) : null) ancestors.unshift({ id: u.id, name: u.name, kind: u.kind });
    const team = positions
      .filter((x) => x.unit_id === unit.id && !x.end_date)
      .map((x) => {
        const p = people.find((pp) => pp.id === x.person_id);
        return { position_id: x.id, person_id: p.id, name: p.name, gender: p.gender, age: ageOf(p.birth_date), education: p.education, title: x.title, start_date: x.start_date, tenure_years: Math.max(0, 2026 - Number(x.start_date.slice(0, 4))) };
      });
    return send(res, 200, {
      unit: withCount(unit),
      ancestors,
      party_orgs: (partyOrgs[unit.id] ?? []).map((o) => ({ ...o, upgrade_hint: upgradeHint(o) })),
      team,
      incomes: (incomes[unit.id] ?? []).map(([year, amount_yuan]) => ({ year, amount_yuan })),
    });
  }
  if ((path === '/people' || path === '/export/people') && req.method === 'GET') {
    const list = filterPeople(user, q);
    if (!list) return fail(res, 404, 'not_found', '单位不存在或不在管理范围内');
    if (path === '/export/people') {
      const rows = [['姓名', '性别', '出生日期', '学历', '所在单位', '职务'], ...list.map((p) => [p.name, p.gender === 'male' ? '男' : '女', p.birth_date, p.education, unitById(p.unit_id).name, positions.filter((x) => x.person_id === p.id).map((x) => x.title).join('、')])];
      return send(res, 200, writeXlsx(rows, '人员名单'), {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': `attachment; filename="people.xlsx"; filename*=UTF-8''${encodeURIComponent('人员名单.xlsx')}`,
      });
    }
    const size = Number(q.get('size')) || 20;
    const page = Number(q.get('page')) || 1;
    return send(res, 200, { items: list.slice((page - 1) * size, page * size).map(personView), total: list.length, page, size });
  }
  if (path === '/people' && req.method === 'POST') {
    const body = JSON.parse((await readBody(req)).toString() || '{}');
    if (!body.unit_id || !inScope(body.unit_id, user.scope_unit_id)) return fail(res, 403, 'forbidden', '不在管理范围内');
    if (!body.name) return fail(res, 422, 'invalid', '姓名不能为空', 'name');
    if (body.id_number && !/^\d{17}[\dX]$/.test(body.id_number)) return fail(res, 422, 'invalid', '身份证号校验位不正确', 'id_number');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(body.birth_date ?? '')) return fail(res, 422, 'invalid', '出生日期格式应为 YYYY-MM-DD', 'birth_date');
    return send(res, 201, personView(addPerson(body.unit_id, body, null)));
  }
  m = /^\/people\/(\d+)$/.exec(path);
  if (m) {
    const p = people.find((x) => x.id === Number(m[1]));
    if (!p || !inScope(p.unit_id, user.scope_unit_id)) return fail(res, 404, 'not_found', '人员不存在');
    if (req.method === 'GET') return send(res, 200, personView(p));
    if (req.method === 'PATCH') {
      const body = JSON.parse((await readBody(req)).toString() || '{}');
      if (body.id_number && !/^\d{17}[\dX]$/.test(body.id_number)) return fail(res, 422, 'invalid', '身份证号校验位不正确', 'id_number');
      Object.assign(p, body);
      return send(res, 200, personView(p));
    }
    if (req.method === 'DELETE') {
      people.splice(people.indexOf(p), 1);
      return send(res, 204);
    }
  }
  if (path === '/positions' && req.method === 'POST') {
    const body = JSON.parse((await readBody(req)).toString() || '{}');
    const pos = { id: nextPositionId++, end_date: null, ...body };
    positions.push(pos);
    return send(res, 201, { ...pos, unit_name: unitById(pos.unit_id).name });
  }
  m = /^\/positions\/(\d+)$/.exec(path);
  if (m && req.method === 'DELETE') {
    const i = positions.findIndex((x) => x.id === Number(m[1]));
    if (i >= 0) positions.splice(i, 1);
    return send(res, 204);
  }
  if (path === '/import/roster/template' && req.method === 'GET') {
    return send(res, 200, writeXlsx([IMPORT_COLUMNS], '人员'), {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="template.xlsx"; filename*=UTF-8''${encodeURIComponent('队伍名册导入模板.xlsx')}`,
    });
  }
  if (path === '/import/roster' && req.method === 'POST') {
    if (!['admin', 'county', 'town'].includes(user.role)) return fail(res, 403, 'forbidden', '无权导入');
    const body = await readBody(req);
    const name = decodeURIComponent(req.headers['x-filename'] ?? '');
    let rows;
    try {
      rows = name.toLowerCase().endsWith('.csv') ? parseCsv(body.toString('utf8')) : readXlsxRows(body);
    } catch {
      return fail(res, 422, 'invalid', '无法读取文件', 'file', { rows: [{ sheet: '', row: 0, field: 'file', message: '无法读取文件' }] });
    }
    const result = importRows(user, rows);
    if (result.errors) return fail(res, 422, 'invalid', `${result.errors.length} 行数据有误，未导入`, undefined, { rows: result.errors });
    return send(res, 200, result);
  }
  if (path === '/export/units' && req.method === 'GET') {
    const parent = Number(q.get('parent')) || user.scope_unit_id;
    if (parent && !inScope(parent, user.scope_unit_id)) return fail(res, 404, 'not_found', '单位不存在');
    const list = parent ? childrenOf(parent) : units.filter((u) => u.parent_id === null);
    const rows = [['区划代码', '名称', '类型'], ...list.map((u) => [u.code, u.name, u.kind])];
    return send(res, 200, writeXlsx(rows, '单位'), { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Content-Disposition': 'attachment; filename="units.xlsx"' });
  }
  return fail(res, 404, 'not_found', '接口不存在');
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.png': 'image/png' };
async function serveStatic(res, pathname) {
  const rel = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  let file = join(DIST, rel);
  try {
    if (!(await stat(file)).isFile()) throw new Error('dir');
  } catch {
    file = join(DIST, 'index.html'); // SPA fallback
  }
  try {
    const data = await readFile(file);
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(data);
  } catch {
    res.writeHead(404);
    res.end('web/dist missing: run npm run build in web/');
  }
}

createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const handler = url.pathname.startsWith('/api/') ? api(req, res, url) : serveStatic(res, url.pathname);
  handler.catch((error) => {
    console.error(error);
    if (!res.headersSent) fail(res, 500, 'internal', '服务器内部错误');
  });
}).listen(PORT, '127.0.0.1', () => console.log(`mock lingyan on http://127.0.0.1:${PORT}`));
