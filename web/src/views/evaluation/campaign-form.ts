// The "new campaign" form's pure parts: the cycle label the server expects (2021, 2021-Q3,
// 2021-07) and the POST /campaigns body — a built-in template by key when the editor left its
// criteria untouched (so the campaign keeps the template's name), the edited framework otherwise.

import type { FrameworkJson, NewCampaign, Template } from '../../api/evaluation';
import { sameJson, toJson, type EditorFramework } from './framework-tree';

export type CycleKind = NewCampaign['cycle_kind'];

/** "2021", "2021-Q3", "2021-07"; "" while incomplete (part out of range or missing). */
export function cycleLabel(kind: CycleKind, year: number | null, part: number | null): string {
  if (!year || !Number.isInteger(year) || year < 1900 || year > 2999) return '';
  if (kind === 'year') return String(year);
  if (!part || !Number.isInteger(part)) return '';
  if (kind === 'quarter') return part >= 1 && part <= 4 ? `${year}-Q${part}` : '';
  return part >= 1 && part <= 12 ? `${year}-${String(part).padStart(2, '0')}` : '';
}

export interface CampaignForm {
  name: string;
  scopeUnitId: number | null;
  cycleKind: CycleKind;
  year: number | null;
  part: number | null;
  subjects: { unitId: number; label: string }[];
  /** Projects (书记项目 …) as subjects: their unit and title come from the project. */
  projects: number[];
  /** People (好班长, 好班副 …) as subjects: their unit and name come from the roster. */
  people: number[];
}

/** The framework without its award quotas and thresholds (what a template key can override). */
function withoutAwardLimits(fw: FrameworkJson): FrameworkJson {
  return { ...fw, awards: (fw.awards ?? []).map((a) => ({ name: a.name, quota: 0 })) };
}

/**
 * The body of POST /campaigns. With `template` given and only award quotas or thresholds
 * changed, sends the template key plus `awards` overrides; otherwise the whole framework.
 */
export function campaignPayload(form: CampaignForm, framework: EditorFramework, template: Template | null): NewCampaign {
  const json = toJson(framework);
  const body: NewCampaign = {
    name: form.name.trim(),
    cycle_kind: form.cycleKind,
    cycle_label: cycleLabel(form.cycleKind, form.year, form.part),
    subjects: [
      ...form.subjects.map((s) => (s.label.trim() ? { unit_id: s.unitId, label: s.label.trim() } : s.unitId)),
      ...form.projects.map((id) => ({ project_id: id })),
      ...form.people.map((id) => ({ person_id: id })),
    ],
  };
  if (form.scopeUnitId) body.scope_unit_id = form.scopeUnitId;
  const awards = json.awards ?? [];
  const base = template?.framework.awards ?? [];
  // An override can set a threshold but not remove one: a removed threshold needs the framework.
  const thresholdRemoved = awards.some((a, i) => base[i]?.min_total !== undefined && a.min_total === undefined);
  if (template && !thresholdRemoved && sameJson(withoutAwardLimits(json), withoutAwardLimits(template.framework))) {
    body.template = template.key;
    const changed = awards.filter((a, i) => a.quota !== base[i]?.quota || a.min_total !== base[i]?.min_total);
    if (changed.length) body.awards = changed.map((a) => ({ name: a.name, quota: a.quota, ...(a.min_total !== undefined ? { min_total: a.min_total } : {}) }));
    return body;
  }
  body.framework = json;
  return body;
}
