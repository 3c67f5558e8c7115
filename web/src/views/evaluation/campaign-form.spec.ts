import { describe, expect, it } from 'vitest';
import type { Template } from '../../api/evaluation';
import { campaignPayload, cycleLabel, type CampaignForm } from './campaign-form';
import { fromJson } from './framework-tree';

const template: Template = {
  key: 'sanhao-team',
  title: '三好创争·好班子（四强）',
  subjects: '镇街领导班子',
  name: '三好创争·好班子（四强）',
  framework: {
    name: '三好创争·好班子（四强）',
    scale: 100,
    tiebreak: [],
    awards: [{ name: '好班子', quota: 4, min_total: 80 }],
    criteria: [{ id: 'a', name: 'A', weight: 1, method: 'manual', max: 100 }],
  },
};
const form: CampaignForm = { name: ' 2021 年度好班子 ', scopeUnitId: null, cycleKind: 'year', year: 2021, part: null, subjects: [{ unitId: 7, label: '' }, { unitId: 8, label: '项目甲' }], projects: [], people: [] };

describe('new campaign form', () => {
  it('builds the cycle labels the server accepts', () => {
    expect(cycleLabel('year', 2021, null)).toBe('2021');
    expect(cycleLabel('quarter', 2021, 3)).toBe('2021-Q3');
    expect(cycleLabel('month', 2021, 7)).toBe('2021-07');
    expect(cycleLabel('quarter', 2021, 5)).toBe('');
    expect(cycleLabel('month', 2021, null)).toBe('');
    expect(cycleLabel('year', null, null)).toBe('');
  });

  it('sends an untouched template by key, with changed quotas as overrides', () => {
    const fw = fromJson(template.framework);
    expect(campaignPayload(form, fw, template)).toEqual({
      name: '2021 年度好班子',
      cycle_kind: 'year',
      cycle_label: '2021',
      subjects: [7, { unit_id: 8, label: '项目甲' }],
      template: 'sanhao-team',
    });
    fw.awards[0].quota = 6;
    expect(campaignPayload({ ...form, scopeUnitId: 3 }, fw, template)).toMatchObject({
      scope_unit_id: 3,
      template: 'sanhao-team',
      awards: [{ name: '好班子', quota: 6, min_total: 80 }],
    });
  });

  it('sends the whole framework once a criterion changed or a threshold was removed', () => {
    const fw = fromJson(template.framework);
    fw.criteria[0].weight = 2;
    const body = campaignPayload(form, fw, template);
    expect(body.template).toBeUndefined();
    expect(body.framework?.criteria?.[0]).toEqual({ id: 'a', name: 'A', weight: 2, method: 'manual', max: 100 });
    const noThreshold = fromJson(template.framework);
    noThreshold.awards[0].min_total = null;
    expect(campaignPayload(form, noThreshold, template).framework?.awards).toEqual([{ name: '好班子', quota: 4 }]);
    expect(campaignPayload(form, fromJson(template.framework), null).framework).toBeDefined();
  });

  it('sends picked projects as project subjects after the units', () => {
    const fw = fromJson(template.framework);
    const body = campaignPayload({ ...form, projects: [41, 42] }, fw, template);
    expect(body.subjects).toEqual([7, { unit_id: 8, label: '项目甲' }, { project_id: 41 }, { project_id: 42 }]);
  });

  it('sends picked people as person subjects, several of one town each on its own', () => {
    const fw = fromJson(template.framework);
    const body = campaignPayload({ ...form, subjects: [], projects: [41], people: [501, 502, 503] }, fw, template);
    expect(body.subjects).toEqual([{ project_id: 41 }, { person_id: 501 }, { person_id: 502 }, { person_id: 503 }]);
  });
});
