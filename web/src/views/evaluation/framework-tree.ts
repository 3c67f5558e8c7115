// The framework tree editor's pure logic (no Vue, no I/O): FRAMEWORK.json (docs/evaluate.md) ⇄
// an editable tree, tree operations, weight shares and the checks the engine will make
// (src/core/scoring/framework.cpp), so that errors show next to the field before submitting.
// When the engine gains a rule or a method parameter, mirror it in PARAMS and validate() here.
import type { AwardJson, CriterionJson, FrameworkJson } from '../../api/evaluation';

export const LEAF_METHODS = ['target', 'growth', 'judges', 'rating', 'rank', 'count', 'manual'] as const;
export type LeafMethod = (typeof LEAF_METHODS)[number];
export type EditorMethod = 'group' | LeafMethod;
export type ParamName = 'trim' | 'max' | 'floor' | 'ceiling' | 'per' | 'cap';

/** Parameters each method accepts (the engine refuses any other), in display order. */
export const PARAMS: Record<EditorMethod, ParamName[]> = {
  group: [],
  target: [],
  growth: ['floor', 'ceiling'],
  judges: ['trim', 'max'],
  rating: [],
  rank: [],
  count: ['per', 'cap'],
  manual: ['max'],
};

/** Parameters that must be given (judges' trim and max have defaults 1 and 100). */
const REQUIRED: Partial<Record<EditorMethod, ParamName[]>> = {
  growth: ['floor', 'ceiling'],
  count: ['per', 'cap'],
  manual: ['max'],
};

export const JUDGES_DEFAULT_TRIM = 1;
export const JUDGES_DEFAULT_MAX = 100;

// ---- the editable tree ----

export interface EditorNode {
  /** Client-side identity (stable across edits of `id`), for keys and error placement. */
  uid: number;
  id: string;
  name: string;
  weight: number | null;
  method: EditorMethod;
  params: Partial<Record<ParamName, number | null>>;
  description?: string;
  children: EditorNode[];
}

export interface EditorAward {
  uid: number;
  name: string;
  quota: number | null;
  min_total: number | null;
}

export interface EditorFramework {
  name: string;
  description?: string;
  scale: number | null;
  bonus_cap: number | null;
  penalty_cap: number | null;
  tiebreak: string[];
  awards: EditorAward[];
  criteria: EditorNode[];
}

let nextUid = 1;
const uid = () => nextUid++;

const isLeaf = (m: string): m is LeafMethod => (LEAF_METHODS as readonly string[]).includes(m);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function nodeFromJson(c: CriterionJson): EditorNode {
  const method: EditorMethod = c.method && isLeaf(c.method) ? c.method : 'group';
  const params: EditorNode['params'] = {};
  for (const p of PARAMS[method]) params[p] = num(c[p]);
  const node: EditorNode = { uid: uid(), id: c.id ?? '', name: c.name ?? '', weight: c.weight === undefined ? 1 : num(c.weight), method, params, children: [] };
  if (c.description) node.description = c.description;
  return node;
}

/** An editable tree from FRAMEWORK.json; nested `children` and flat `parent` both work. */
export function fromJson(json: FrameworkJson): EditorFramework {
  const roots: EditorNode[] = [];
  const byId = new Map<string, EditorNode>();
  const flat: { node: EditorNode; parent: string }[] = [];
  const walk = (items: CriterionJson[] | undefined, into: EditorNode[], parent: string) => {
    for (const c of items ?? []) {
      const node = nodeFromJson(c);
      if (!byId.has(node.id)) byId.set(node.id, node);
      const p = parent || c.parent || '';
      if (p && !parent) flat.push({ node, parent: p });
      else into.push(node);
      walk(c.children, node.children, node.id);
    }
  };
  walk(json.criteria, roots, '');
  for (const { node, parent } of flat) {
    const owner = byId.get(parent);
    (owner && owner !== node ? owner.children : roots).push(node);
  }
  // A node given a parent but no method is a group; a node with children is one too.
  for (const node of byId.values()) if (node.children.length && node.method !== 'group') node.method = 'group';
  return {
    name: json.name ?? '',
    ...(json.description ? { description: json.description } : {}),
    scale: json.scale === undefined ? 100 : num(json.scale),
    bonus_cap: num(json.bonus_cap),
    penalty_cap: num(json.penalty_cap),
    tiebreak: [...(json.tiebreak ?? [])],
    awards: (json.awards ?? []).map((a) => ({ uid: uid(), name: a.name ?? '', quota: num(a.quota), min_total: num(a.min_total) })),
    criteria: roots,
  };
}

function nodeToJson(node: EditorNode): CriterionJson {
  const out: CriterionJson = { id: node.id.trim(), name: node.name.trim(), weight: node.weight ?? 0 };
  if (node.description) out.description = node.description;
  if (node.method === 'group') {
    out.children = node.children.map(nodeToJson);
  } else {
    out.method = node.method;
    for (const p of PARAMS[node.method]) {
      const v = node.params[p];
      if (v !== null && v !== undefined) out[p] = v;
    }
  }
  return out;
}

/**
 * FRAMEWORK.json of the tree, nested, with only the parameters each method accepts, so that a
 * switched method never sends a stale parameter the engine would refuse.
 */
export function toJson(fw: EditorFramework): FrameworkJson {
  const out: FrameworkJson = { name: fw.name.trim() };
  if (fw.description) out.description = fw.description;
  out.scale = fw.scale ?? 0;
  if (fw.bonus_cap !== null) out.bonus_cap = fw.bonus_cap;
  if (fw.penalty_cap !== null) out.penalty_cap = fw.penalty_cap;
  out.tiebreak = [...fw.tiebreak];
  out.awards = fw.awards.map((a) => {
    const award: AwardJson = { name: a.name.trim(), quota: a.quota ?? 0 };
    if (a.min_total !== null) award.min_total = a.min_total;
    return award;
  });
  out.criteria = fw.criteria.map(nodeToJson);
  return out;
}

export function blankFramework(): EditorFramework {
  return { name: '', scale: 100, bonus_cap: null, penalty_cap: null, tiebreak: [], awards: [], criteria: [] };
}

// ---- walking and operations ----

export interface FlatNode {
  node: EditorNode;
  depth: number;
  parent: EditorNode | null;
  siblings: EditorNode[];
  index: number;
  /** weight ÷ the sum of the siblings' weights; null while any sibling weight is invalid. */
  share: number | null;
  /** share × the parent's global share: the part of the total this criterion carries. */
  globalShare: number | null;
}

const validWeight = (w: number | null): w is number => w !== null && Number.isFinite(w) && w > 0;

/** Relative weights as shares of their parent (null for all when any weight is invalid). */
export function shares(siblings: EditorNode[]): (number | null)[] {
  if (!siblings.every((n) => validWeight(n.weight))) return siblings.map(() => null);
  const sum = siblings.reduce((s, n) => s + (n.weight as number), 0);
  return siblings.map((n) => (n.weight as number) / sum);
}

/** The tree in pre-order with depth and shares (the editor's rows). */
export function flatten(fw: EditorFramework): FlatNode[] {
  const out: FlatNode[] = [];
  const walk = (siblings: EditorNode[], parent: EditorNode | null, depth: number, parentGlobal: number | null) => {
    const s = shares(siblings);
    siblings.forEach((node, index) => {
      const share = s[index];
      const globalShare = share === null || parentGlobal === null ? null : share * parentGlobal;
      out.push({ node, depth, parent, siblings, index, share, globalShare });
      walk(node.children, node, depth + 1, globalShare);
    });
  };
  walk(fw.criteria, null, 0, 1);
  return out;
}

export function findNode(fw: EditorFramework, nodeUid: number): FlatNode | undefined {
  return flatten(fw).find((f) => f.node.uid === nodeUid);
}

/** All criterion ids in pre-order (tiebreak choices). */
export function criterionIds(fw: EditorFramework): string[] {
  return flatten(fw).map((f) => f.node.id);
}

/** A criterion id not used yet: c1, c2, … */
export function freshId(fw: EditorFramework, prefix = 'c'): string {
  const used = new Set(criterionIds(fw));
  for (let n = 1; ; n += 1) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

export function newNode(fw: EditorFramework, method: EditorMethod = 'manual', name = ''): EditorNode {
  const params: EditorNode['params'] = {};
  for (const p of PARAMS[method]) params[p] = null;
  if (method === 'manual') params.max = 100;
  return { uid: uid(), id: freshId(fw), name, weight: 1, method, params, children: [] };
}

export function newAward(name = '', quota: number | null = 1): EditorAward {
  return { uid: uid(), name, quota, min_total: null };
}

/** Appends `node` under the group `parentUid` (null = top level). False if it is not a group. */
export function addNode(fw: EditorFramework, parentUid: number | null, node: EditorNode): boolean {
  if (parentUid === null) {
    fw.criteria.push(node);
    return true;
  }
  const parent = findNode(fw, parentUid)?.node;
  if (!parent || parent.method !== 'group') return false;
  parent.children.push(node);
  return true;
}

/** Removes a criterion with its subtree; its id leaves the tiebreak list too. */
export function removeNode(fw: EditorFramework, nodeUid: number): boolean {
  const found = findNode(fw, nodeUid);
  if (!found) return false;
  const gone = new Set<string>();
  const collect = (n: EditorNode) => {
    gone.add(n.id);
    n.children.forEach(collect);
  };
  collect(found.node);
  found.siblings.splice(found.index, 1);
  fw.tiebreak = fw.tiebreak.filter((id) => !gone.has(id));
  return true;
}

/** Moves a criterion up (−1) or down (+1) among its siblings. False at either end. */
export function moveNode(fw: EditorFramework, nodeUid: number, delta: -1 | 1): boolean {
  const found = findNode(fw, nodeUid);
  if (!found) return false;
  const to = found.index + delta;
  if (to < 0 || to >= found.siblings.length) return false;
  const [node] = found.siblings.splice(found.index, 1);
  found.siblings.splice(to, 0, node);
  return true;
}

/**
 * Changes a criterion's method, keeping the parameters both methods share. A criterion with
 * children stays a group (remove them first). False when refused.
 */
export function setMethod(node: EditorNode, method: EditorMethod): boolean {
  if (method !== 'group' && node.children.length) return false;
  const params: EditorNode['params'] = {};
  for (const p of PARAMS[method]) params[p] = node.params[p] ?? (method === 'manual' && p === 'max' ? 100 : null);
  node.method = method;
  node.params = params;
  return true;
}

/** Judges needed per subject for a judges criterion: 2·trim + 1 (trim defaults to 1). */
export function judgesNeeded(node: EditorNode): number | null {
  if (node.method !== 'judges') return null;
  const trim = node.params.trim ?? JUDGES_DEFAULT_TRIM;
  return Number.isInteger(trim) && trim >= 0 ? 2 * trim + 1 : null;
}

// ---- validation ----

/**
 * One problem. `code` names the message (frameworkEditor.issue.<code> in the locale files);
 * `uid` the criterion or award it belongs to (absent: the framework's own fields); `field` the
 * input to mark.
 */
export interface Issue {
  code: string;
  field: string;
  uid?: number;
  params?: Record<string, string | number>;
}

const ID_PATTERN = /^[^\s,"'“”]+$/;

export function validate(fw: EditorFramework): Issue[] {
  const issues: Issue[] = [];
  if (!fw.name.trim()) issues.push({ code: 'nameRequired', field: 'name' });
  if (fw.scale === null || !(fw.scale > 0)) issues.push({ code: 'scalePositive', field: 'scale' });
  if (fw.bonus_cap !== null && !(fw.bonus_cap >= 0)) issues.push({ code: 'capNegative', field: 'bonus_cap' });
  if (fw.penalty_cap !== null && !(fw.penalty_cap >= 0)) issues.push({ code: 'capNegative', field: 'penalty_cap' });
  if (!fw.criteria.length) issues.push({ code: 'noCriteria', field: 'criteria' });

  const flat = flatten(fw);
  const counts = new Map<string, number>();
  for (const { node } of flat) counts.set(node.id.trim(), (counts.get(node.id.trim()) ?? 0) + 1);
  for (const { node } of flat) {
    const at = (code: string, field: string, params?: Issue['params']) => issues.push({ code, field, uid: node.uid, ...(params ? { params } : {}) });
    const id = node.id.trim();
    if (!id) at('idRequired', 'id');
    else if (id === '-') at('idReserved', 'id');
    else if (!ID_PATTERN.test(id)) at('idChars', 'id');
    else if ((counts.get(id) ?? 0) > 1) at('idDuplicate', 'id', { id });
    if (!node.name.trim()) at('criterionNameRequired', 'name');
    if (!validWeight(node.weight)) at('weightPositive', 'weight');
    if (node.method === 'group') {
      if (!node.children.length) at('emptyGroup', 'children');
      continue;
    }
    for (const p of REQUIRED[node.method] ?? []) {
      const v = node.params[p];
      if (v === null || v === undefined || !Number.isFinite(v)) at('paramRequired', p, { param: p });
    }
    const { trim, max, floor, ceiling, per, cap } = node.params;
    if (node.method === 'judges') {
      if (trim !== null && trim !== undefined && !(Number.isInteger(trim) && trim >= 0 && trim <= 1000)) at('trimInteger', 'trim');
      if (max !== null && max !== undefined && !(max > 0)) at('paramPositive', 'max', { param: 'max' });
    }
    if (node.method === 'manual' && max !== null && max !== undefined && !(max > 0)) at('paramPositive', 'max', { param: 'max' });
    if (node.method === 'growth' && floor != null && ceiling != null && !(ceiling > floor)) at('ceilingAboveFloor', 'ceiling');
    if (node.method === 'count') {
      if (per != null && !(per > 0)) at('paramPositive', 'per', { param: 'per' });
      if (cap != null && !(cap > 0)) at('paramPositive', 'cap', { param: 'cap' });
    }
  }

  const ids = new Set(flat.map((f) => f.node.id.trim()));
  for (const id of fw.tiebreak) if (!ids.has(id)) issues.push({ code: 'tiebreakUnknown', field: 'tiebreak', params: { id } });

  const awardNames = new Map<string, number>();
  for (const a of fw.awards) awardNames.set(a.name.trim(), (awardNames.get(a.name.trim()) ?? 0) + 1);
  for (const a of fw.awards) {
    const at = (code: string, field: string) => issues.push({ code, field, uid: a.uid });
    if (!a.name.trim()) at('awardNameRequired', 'name');
    else if ((awardNames.get(a.name.trim()) ?? 0) > 1) at('awardDuplicate', 'name');
    if (a.quota === null || !Number.isInteger(a.quota) || a.quota < 1) at('quotaPositive', 'quota');
  }
  return issues;
}

/** Issues of one criterion or award, by field (the first per field). */
export function issuesOf(issues: Issue[], ownerUid: number): Record<string, Issue> {
  const out: Record<string, Issue> = {};
  for (const issue of issues) if (issue.uid === ownerUid && !out[issue.field]) out[issue.field] = issue;
  return out;
}

/** Same document? (key order ignored) — to tell an untouched template from an edited one. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
    const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}
