// Pure logic of a campaign's 设置 and 录入责任 panels and of the board's tracks (no Vue, no I/O):
// the editable form ⇄ PUT /settings, the checks the server makes (src/core/scoring/standing.cpp:
// names unique and non-empty, coefficients and shares > 0, shares adding up to 100%), the
// framework of a campaign for the read-only editor, and the board's track view.
// When ValidateStanding gains a rule, mirror it in settingsIssues() here.
import type { Band, CampaignDetail, CampaignSettings, CriterionJson, FollowUp, FrameworkJson, Owner, RankingRow, Template } from '../../api/evaluation';

/** Server tolerance of the band shares' sum (±0.001 of 1), in percent. */
export const BAND_SUM_TOLERANCE = 0.1;
/** Value of `negative.criterion` (and of the form's select) meaning "by the total". */
export const BY_TOTAL = '';

export interface TrackForm {
  name: string;
  coefficient: number | null;
}

export interface BandForm {
  name: string;
  /** Share in percent (20 = 20%), as officers think of it; sent as a fraction. */
  percent: number | null;
  follow_up: boolean;
}

export interface SettingsForm {
  tracks: TrackForm[];
  /** subject id → track name ("" = none). */
  subjectTracks: Record<number, string>;
  bands: BandForm[];
  negativeOn: boolean;
  negative: { name: string; criterion: string; count: number | null };
  reason: string;
}

export interface SettingsIssue {
  /** i18n key under campaignSettings.issue. */
  code: string;
  /** Where: tracks[i], bands[i], negative, bandSum, subject:<id>. */
  field: string;
  params?: Record<string, string | number>;
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/** Sum of the band shares in percent, rounded to 2 decimals (empty shares count 0). */
export function bandSum(bands: Pick<BandForm, 'percent'>[]): number {
  return round2(bands.reduce((sum, b) => sum + (b.percent ?? 0), 0));
}

/** True when there are no bands or their shares add up to 100%. */
export function bandSumOk(bands: Pick<BandForm, 'percent'>[]): boolean {
  return !bands.length || Math.abs(bandSum(bands) - 100) <= BAND_SUM_TOLERANCE;
}

const BAND_PARTS: Record<string, 'top' | 'middle' | 'bottom'> = { 前: 'top', 中间: 'middle', 后: 'bottom' };

/**
 * A band's name as shown: the usual "前20%" / "中间60%" / "后20%" through the locale
 * (evaluation.bandPart.*, e.g. "Top 20%"); any other name as the campaign wrote it.
 */
export function bandLabel(name: string | null | undefined, t: (key: string, named: Record<string, unknown>) => string): string {
  const m = /^(前|中间|后)\s*(\d+(?:\.\d+)?)\s*%$/.exec(name ?? '');
  return m ? t(`evaluation.bandPart.${BAND_PARTS[m[1]]}`, { p: m[2] }) : (name ?? '');
}

/** The usual county scheme: top 20% / middle 60% / bottom 20% with a follow-up for the last. */
export function defaultBands(names: [string, string, string]): BandForm[] {
  return [
    { name: names[0], percent: 20, follow_up: false },
    { name: names[1], percent: 60, follow_up: false },
    { name: names[2], percent: 20, follow_up: true },
  ];
}

export function settingsForm(detail: CampaignDetail): SettingsForm {
  const subjectTracks: Record<number, string> = {};
  for (const s of detail.subjects) subjectTracks[s.id] = s.track ?? '';
  const negative = detail.negative ?? null;
  return {
    tracks: (detail.tracks ?? []).map((t) => ({ name: t.name, coefficient: t.coefficient })),
    subjectTracks,
    bands: (detail.bands ?? []).map((b) => ({ name: b.name, percent: round2(b.share * 100), follow_up: b.follow_up })),
    negativeOn: !!negative,
    negative: negative ? { name: negative.name, criterion: negative.criterion, count: negative.count } : { name: '', criterion: BY_TOTAL, count: 3 },
    reason: '',
  };
}

/** Every row of `rows` named, and no name twice (`<list>[i]` the field); returns the names. */
function namesChecked(
  rows: readonly { name: string }[],
  list: string,
  missing: SettingsIssue['code'],
  twice: SettingsIssue['code'],
  out: SettingsIssue[],
): Set<string> {
  const names = new Set<string>();
  rows.forEach((row, i) => {
    const name = row.name.trim();
    if (!name) out.push({ code: missing, field: `${list}[${i}]` });
    else if (names.has(name)) out.push({ code: twice, field: `${list}[${i}]`, params: { name } });
    names.add(name);
  });
  return names;
}

/** Everything the server would refuse, each with the field it belongs to. */
export function settingsIssues(form: SettingsForm, criterionIds: string[] = []): SettingsIssue[] {
  const out: SettingsIssue[] = [];
  const trackNames = namesChecked(form.tracks, 'tracks', 'trackName', 'trackDuplicate', out);
  form.tracks.forEach((t, i) => {
    if (t.coefficient === null || !Number.isFinite(t.coefficient) || t.coefficient <= 0) out.push({ code: 'coefficient', field: `tracks[${i}]` });
  });
  for (const [id, track] of Object.entries(form.subjectTracks)) {
    if (track && !trackNames.has(track)) out.push({ code: 'subjectTrack', field: `subject:${id}`, params: { name: track } });
  }
  namesChecked(form.bands, 'bands', 'bandName', 'bandDuplicate', out);
  form.bands.forEach((b, i) => {
    if (b.percent === null || !Number.isFinite(b.percent) || b.percent <= 0 || b.percent > 100) out.push({ code: 'bandShare', field: `bands[${i}]` });
  });
  if (!bandSumOk(form.bands)) out.push({ code: 'bandSum', field: 'bandSum', params: { sum: bandSum(form.bands) } });
  if (form.negativeOn) {
    if (!form.negative.name.trim()) out.push({ code: 'negativeName', field: 'negative' });
    const count = form.negative.count;
    if (count === null || !Number.isInteger(count) || count < 1) out.push({ code: 'negativeCount', field: 'negative' });
    if (form.negative.criterion !== BY_TOTAL && criterionIds.length && !criterionIds.includes(form.negative.criterion))
      out.push({ code: 'negativeCriterion', field: 'negative', params: { id: form.negative.criterion } });
  }
  return out;
}

/** Body of PUT /settings; a band's percent becomes a fraction (20 → 0.2). */
export function settingsPayload(form: SettingsForm): CampaignSettings {
  return {
    tracks: form.tracks.map((t) => ({ name: t.name.trim(), coefficient: t.coefficient ?? 1 })),
    subject_tracks: Object.entries(form.subjectTracks).map(([id, track]) => ({ subject_id: Number(id), track })),
    bands: form.bands.map((b) => ({ name: b.name.trim(), share: Math.round((b.percent ?? 0) * 100) / 10000, follow_up: b.follow_up })),
    negative: form.negativeOn ? { name: form.negative.name.trim(), criterion: form.negative.criterion, count: form.negative.count ?? 0 } : null,
    reason: form.reason.trim(),
  };
}

/** Renames a track in the form, carrying its subjects along. */
export function renameTrack(form: SettingsForm, index: number, name: string): void {
  const old = form.tracks[index]?.name;
  if (old === undefined) return;
  form.tracks[index].name = name;
  if (!old) return;
  for (const id of Object.keys(form.subjectTracks)) if (form.subjectTracks[Number(id)] === old) form.subjectTracks[Number(id)] = name;
}

/** Removes a track; its subjects go back to "no track". */
export function removeTrack(form: SettingsForm, index: number): void {
  const [gone] = form.tracks.splice(index, 1);
  if (!gone) return;
  for (const id of Object.keys(form.subjectTracks)) if (form.subjectTracks[Number(id)] === gone.name) form.subjectTracks[Number(id)] = '';
}

// ---- owners ----

export interface OwnerForm {
  criterion: string;
  owner: string;
  /** [opens_on, closes_on] as YYYY-MM-DD, or null for an open window. */
  window: [string, string] | null;
}

export function ownerForms(owners: Owner[] = []): OwnerForm[] {
  return owners.map((o) => ({
    criterion: o.criterion,
    owner: o.owner,
    window: o.opens_on || o.closes_on ? [o.opens_on, o.closes_on] : null,
  }));
}

/** Issues of the owners form (field `owners[i]`): criterion and owner required, one owner a criterion. */
export function ownerIssues(rows: OwnerForm[]): SettingsIssue[] {
  const out: SettingsIssue[] = [];
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    if (!r.criterion) out.push({ code: 'ownerCriterion', field: `owners[${i}]` });
    else if (seen.has(r.criterion)) out.push({ code: 'ownerDuplicate', field: `owners[${i}]`, params: { id: r.criterion } });
    seen.add(r.criterion);
    if (!r.owner.trim()) out.push({ code: 'ownerUser', field: `owners[${i}]` });
  });
  return out;
}

export function ownersPayload(rows: OwnerForm[]): Owner[] {
  return rows.map((r) => ({ criterion: r.criterion, owner: r.owner.trim(), opens_on: r.window?.[0] ?? '', closes_on: r.window?.[1] ?? '' }));
}

// ---- the campaign's framework ----

function paramsById(criteria: CriterionJson[] | undefined, into = new Map<string, CriterionJson>()): Map<string, CriterionJson> {
  for (const c of criteria ?? []) {
    into.set(c.id, c);
    paramsById(c.children, into);
  }
  return into;
}

/**
 * FRAMEWORK.json of a campaign from its detail (flat criteria with parents, awards, scale).
 * Method parameters, caps and tiebreak come with the detail; a server that leaves them out is
 * filled in from the campaign's template where a criterion of the same id and method exists.
 */
export function frameworkOfDetail(detail: CampaignDetail, template?: Template | null): FrameworkJson {
  const known = paramsById(template?.framework.criteria);
  const criteria: CriterionJson[] = detail.criteria.map((c) => {
    const out: CriterionJson = { id: c.id, name: c.name, weight: c.weight };
    if (c.parent) out.parent = c.parent;
    if (c.method !== 'group') {
      out.method = c.method;
      const own = ['trim', 'max', 'floor', 'ceiling', 'per', 'cap'].some((p) => c[p as keyof typeof c] !== undefined);
      const source = own ? c : known.get(c.id);
      if (source && source.method === c.method)
        for (const p of ['trim', 'max', 'floor', 'ceiling', 'per', 'cap'] as const) if (source[p] !== undefined) out[p] = source[p];
    }
    return out;
  });
  const fw: FrameworkJson = {
    name: detail.framework,
    scale: detail.scale,
    awards: detail.awards.map((a) => (a.min_total === null ? { name: a.name, quota: a.quota } : { name: a.name, quota: a.quota, min_total: a.min_total })),
    criteria,
  };
  if (detail.tiebreak !== undefined) {
    if (detail.bonus_cap != null) fw.bonus_cap = detail.bonus_cap;
    if (detail.penalty_cap != null) fw.penalty_cap = detail.penalty_cap;
    fw.tiebreak = [...detail.tiebreak];
  } else if (template?.framework) {
    if (template.framework.bonus_cap !== undefined) fw.bonus_cap = template.framework.bonus_cap;
    if (template.framework.penalty_cap !== undefined) fw.penalty_cap = template.framework.penalty_cap;
    const ids = new Set(detail.criteria.map((c) => c.id));
    fw.tiebreak = (template.framework.tiebreak ?? []).filter((id) => ids.has(id));
  }
  return fw;
}

// ---- the board ----

/** Tracks present on the board, in first-seen order. */
export function boardTracks(rows: RankingRow[]): string[] {
  const out: string[] = [];
  for (const r of rows) if (r.track && !out.includes(r.track)) out.push(r.track);
  return out;
}

/** The board within one track, ordered by the rank in the track; every row when `track` is empty. */
export function rowsOfTrack(rows: RankingRow[], track: string | null | undefined): RankingRow[] {
  if (!track) return rows;
  return rows
    .filter((r) => r.track === track)
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r.track_rank ?? a.r.rank) - (b.r.track_rank ?? b.r.rank) || a.i - b.i)
    .map(({ r }) => r);
}

/** The rank to show: within the track when filtering by one, else overall. */
export function shownRank(row: RankingRow, track: string | null | undefined): number {
  return track ? (row.track_rank ?? row.rank) : row.rank;
}

/** Colour of a band tag by its position: first green, last red, others plain. */
export function bandTagType(bands: Pick<Band, 'name'>[], name: string | null | undefined): 'success' | 'danger' | 'info' | 'warning' {
  if (!name) return 'info';
  const i = bands.findIndex((b) => b.name === name);
  if (i < 0 || bands.length < 2) return 'info';
  if (i === 0) return 'success';
  if (i === bands.length - 1) return 'danger';
  return 'warning';
}

/** Coefficient text when it changes the total (≠ 1), else "". */
export function coefficientText(coefficient: number | undefined): string {
  return coefficient === undefined || Math.abs(coefficient - 1) < 1e-9 ? '' : `×${Math.round(coefficient * 1000) / 1000}`;
}

/** The open follow-up of a subject in the current version, if any. */
export function openFollowUp(items: FollowUp[], subjectId: number): FollowUp | undefined {
  return items.find((f) => f.subject_id === subjectId && f.status === 'open');
}

/** Open first (earliest deadline first), then done (latest closed first). */
export function sortFollowUps(items: FollowUp[]): FollowUp[] {
  return [...items].sort((a, b) => {
    if (a.status !== b.status) return a.status === 'open' ? -1 : 1;
    if (a.status === 'open') return a.deadline.localeCompare(b.deadline) || a.id - b.id;
    return b.closed_at.localeCompare(a.closed_at) || b.id - a.id;
  });
}

/** True when an open follow-up is past its deadline on `today` (YYYY-MM-DD). */
export function overdue(f: FollowUp, today: string): boolean {
  return f.status === 'open' && !!f.deadline && f.deadline < today;
}
