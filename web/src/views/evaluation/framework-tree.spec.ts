import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  addNode,
  blankFramework,
  flatten,
  fromJson,
  judgesNeeded,
  moveNode,
  newNode,
  removeNode,
  sameJson,
  setMethod,
  shares,
  toJson,
  validate,
} from './framework-tree';
import type { FrameworkJson } from '../../api/evaluation';

// The head of the built-in sanhao-team template (docs/examples/evaluate_sanhao-team.json).
const team: FrameworkJson = {
  name: '三好创争·好班子（四强）',
  scale: 100,
  bonus_cap: 5,
  penalty_cap: 10,
  tiebreak: ['zhandouli'],
  awards: [{ name: '好班子', quota: 4, min_total: 80 }],
  criteria: [
    {
      id: 'yinlingli',
      name: '引领力强',
      weight: 25,
      children: [
        { id: 'yl_study', name: '中心组月学次数', weight: 1, method: 'count', per: 1, cap: 12 },
        { id: 'yl_judges', name: '政治引领述比评分', weight: 2, method: 'judges', trim: 1, max: 100 },
      ],
    },
    {
      id: 'zhandouli',
      name: '战斗力强',
      weight: 75,
      children: [
        { id: 'zd_sales', name: '开票销售完成率', weight: 1, method: 'target' },
        { id: 'zd_growth', name: '销售增长', weight: 1, method: 'growth', floor: 0, ceiling: 0.2 },
      ],
    },
  ],
};

const codes = (fw: ReturnType<typeof fromJson>) => validate(fw).map((i) => i.code);

describe('framework tree', () => {
  it('round-trips a template through the editor unchanged', () => {
    const fw = fromJson(team);
    expect(validate(fw)).toEqual([]);
    expect(sameJson(toJson(fw), team)).toBe(true);
  });

  it('round-trips every built-in template the server exports, with no issue flagged', () => {
    const examples = join(dirname(fileURLToPath(import.meta.url)), '../../../../docs/examples');
    const files = readdirSync(examples).filter((f) => /^evaluate_.*\.json$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const key of files) {
      const json = JSON.parse(readFileSync(join(examples, key), 'utf8')) as FrameworkJson;
      const fw = fromJson(json);
      expect(validate(fw), key).toEqual([]);
      expect(sameJson(toJson(fw), json), key).toBe(true);
    }
  });

  it('reads flat criteria with parent ids into the same tree', () => {
    const flat: FrameworkJson = {
      name: 'flat',
      criteria: [
        { id: 'a', name: 'A', weight: 1 },
        { id: 'a1', name: 'A1', weight: 1, method: 'manual', max: 10, parent: 'a' },
        { id: 'b', name: 'B', weight: 3, method: 'rating' },
      ],
    };
    const fw = fromJson(flat);
    expect(fw.criteria.map((n) => n.id)).toEqual(['a', 'b']);
    expect(fw.criteria[0].method).toBe('group');
    expect(fw.criteria[0].children.map((n) => n.id)).toEqual(['a1']);
    expect(fw.scale).toBe(100);
  });

  it('shows relative weights as shares of the parent and of the total', () => {
    const fw = fromJson(team);
    const rows = flatten(fw).map((f) => [f.node.id, f.depth, f.share, f.globalShare]);
    expect(rows).toEqual([
      ['yinlingli', 0, 0.25, 0.25],
      ['yl_study', 1, 1 / 3, 0.25 / 3],
      ['yl_judges', 1, 2 / 3, 0.5 / 3],
      ['zhandouli', 0, 0.75, 0.75],
      ['zd_sales', 1, 0.5, 0.375],
      ['zd_growth', 1, 0.5, 0.375],
    ]);
    expect(shares([{ ...newNode(fw), weight: 0 }, newNode(fw)])).toEqual([null, null]);
  });

  it('flags weight ≤ 0, duplicate ids, empty groups and a missing name inline', () => {
    const fw = fromJson(team);
    fw.criteria[0].children[0].weight = 0;
    fw.criteria[1].children[1].id = 'zd_sales';
    fw.criteria.push({ ...newNode(fw, 'group', '空组') });
    fw.name = ' ';
    const issues = validate(fw);
    const study = fw.criteria[0].children[0];
    expect(issues).toContainEqual({ code: 'weightPositive', field: 'weight', uid: study.uid });
    const dupes = issues.filter((i) => i.code === 'idDuplicate');
    expect(dupes.map((i) => i.uid)).toEqual([fw.criteria[1].children[0].uid, fw.criteria[1].children[1].uid]);
    expect(issues).toContainEqual({ code: 'emptyGroup', field: 'children', uid: fw.criteria[2].uid });
    expect(issues).toContainEqual({ code: 'nameRequired', field: 'name' });
  });

  it('checks each method’s parameters as the engine does', () => {
    const cases: [Partial<Record<string, number | null>>, string, string[]][] = [
      [{ trim: 1.5 }, 'judges', ['trimInteger']],
      [{ trim: -1 }, 'judges', ['trimInteger']],
      [{ trim: null, max: null }, 'judges', []],
      [{ max: 0 }, 'judges', ['paramPositive']],
      [{ max: null }, 'manual', ['paramRequired']],
      [{ max: -5 }, 'manual', ['paramPositive']],
      [{ floor: 0.2, ceiling: 0.1 }, 'growth', ['ceilingAboveFloor']],
      [{ floor: null, ceiling: 0.1 }, 'growth', ['paramRequired']],
      [{ per: 0, cap: 10 }, 'count', ['paramPositive']],
      [{ per: 1, cap: null }, 'count', ['paramRequired']],
      [{}, 'rating', []],
    ];
    for (const [params, method, expected] of cases) {
      const fw = blankFramework();
      fw.name = 't';
      const node = newNode(fw, method as never, 'x');
      Object.assign(node.params, params);
      addNode(fw, null, node);
      expect(codes(fw), `${method} ${JSON.stringify(params)}`).toEqual(expected);
    }
  });

  it('says how many judges a judges criterion needs: 2·trim + 1', () => {
    const fw = blankFramework();
    const node = newNode(fw, 'judges', 'x');
    expect(judgesNeeded(node)).toBe(3);
    node.params.trim = 2;
    expect(judgesNeeded(node)).toBe(5);
    node.params.trim = 0;
    expect(judgesNeeded(node)).toBe(1);
    expect(judgesNeeded(newNode(fw, 'manual'))).toBeNull();
  });

  it('adds, moves and removes criteria; a removed id leaves the tiebreak list', () => {
    const fw = fromJson(team);
    const first = fw.criteria[0];
    const added = newNode(fw, 'rating', '民主测评');
    expect(added.id).toBe('c1');
    expect(addNode(fw, first.uid, added)).toBe(true);
    expect(addNode(fw, added.uid, newNode(fw))).toBe(false); // a leaf takes no children
    expect(first.children.map((n) => n.id)).toEqual(['yl_study', 'yl_judges', 'c1']);
    expect(moveNode(fw, added.uid, -1)).toBe(true);
    expect(first.children.map((n) => n.id)).toEqual(['yl_study', 'c1', 'yl_judges']);
    expect(moveNode(fw, first.uid, -1)).toBe(false);
    expect(moveNode(fw, first.uid, 1)).toBe(true);
    expect(fw.criteria.map((n) => n.id)).toEqual(['zhandouli', 'yinlingli']);
    expect(removeNode(fw, fw.criteria[0].uid)).toBe(true);
    expect(fw.tiebreak).toEqual([]);
    expect(flatten(fw).map((f) => f.node.id)).toEqual(['yinlingli', 'yl_study', 'c1', 'yl_judges']);
  });

  it('switching a method keeps shared parameters and never sends stale ones', () => {
    const fw = fromJson(team);
    const judges = fw.criteria[0].children[1];
    expect(setMethod(judges, 'manual')).toBe(true);
    expect(judges.params).toEqual({ max: 100 });
    expect(setMethod(fw.criteria[0], 'manual')).toBe(false); // has children
    const json = toJson(fw);
    expect(json.criteria?.[0].children?.[1]).toEqual({ id: 'yl_judges', name: '政治引领述比评分', weight: 2, method: 'manual', max: 100 });
  });

  it('flags unknown tiebreak ids, bad awards and an empty framework', () => {
    const fw = blankFramework();
    expect(codes(fw)).toEqual(['nameRequired', 'noCriteria']);
    const full = fromJson(team);
    full.tiebreak.push('gone');
    full.awards.push({ uid: 999, name: '好班子', quota: 0, min_total: null });
    expect(codes(full)).toEqual(['tiebreakUnknown', 'awardDuplicate', 'awardDuplicate', 'quotaPositive']);
  });
});
