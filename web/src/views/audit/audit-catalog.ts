// What the audit log's entries are about: the entity codes and, for each, the action codes the
// server writes (src/app: every Audit(…) and AppendAudit(…) call; the demo's set-up writes `demo`).
// Extension point — when a service audits a new entity or action, add it here and give it a label
// in locales/<lang>/audit.json (`audit.entities.<code>`, `audit.actions.<code>` with dots as "_",
// and `audit.entityActions.<entity>.<code>` where the action means something particular for that
// entity); audit-catalog.spec.ts checks that both languages name every code. A code missing here
// still shows, as the raw code.

/** Entity code → its action codes, grouped by module in the order of the menu. */
export const AUDIT_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  // 队伍名册
  unit: ['create', 'update', 'delete', 'import'],
  person: ['create', 'update', 'delete'],
  position: ['create', 'update', 'delete'],
  roster: ['import'],
  party_org: ['create', 'rename', 'upgrade', 'dissolve'],
  party_household: ['create', 'dissolve'],
  // 考核评价
  campaign: ['create', 'facts', 'publish', 'reopen', 'framework', 'settings', 'owners'],
  campaign_followup: ['followup', 'followup_close'],
  metric: ['metrics'],
  // 擂台赛
  contest: [
    'create',
    'issue_link',
    'judge_join',
    'arena.draw',
    'arena.pre_score',
    'arena.advance',
    'arena.timer',
    'arena.open',
    'arena.close',
    'arena.score',
    'arena.reopen',
    'arena.reveal',
    'arena.finish',
    'push_results',
  ],
  // 荣誉库, 人事决定, 躺平奖
  honour: ['create'],
  personnel_decision: ['create'],
  tangping_nomination: ['nominate', 'confirm', 'reject'],
  // 党员积分
  points_event: ['record', 'record_bulk', 'approve', 'reject', 'reverse'],
  points_member: ['register', 'create', 'link', 'request_link', 'accept_link', 'decline_link'],
  points_rule: ['create', 'update'],
  points_period: ['create', 'update', 'close', 'reopen'],
  points: ['demo'],
  // 交办督办
  ticket: [
    'create',
    'assign',
    'sign',
    'note',
    'report',
    'accept',
    'send_back',
    'satisfied',
    'dissatisfied',
    'request_extension',
    'approve_extension',
    'reject_extension',
    'reassign',
    'merge',
    'split',
  ],
  meeting: ['create'],
  deliberation: ['create'],
  ticket_rules: ['update'],
  // 项目
  project: ['create', 'claim', 'confirm', 'refuse', 'report', 'complete'],
  // 培育培训
  talent_pool: ['create', 'member_add', 'member_transition'],
  training_program: [
    'create',
    'update',
    'delete',
    'add_batch',
    'add_trainees',
    'set_hosts',
    'add_placements',
    'update_placement',
    'delete_placement',
    'add_seminar',
    'summary',
    'assessment',
    'action_items',
    'followup_done',
    'add_agreements',
    'update_agreement',
    'delete_agreement',
  ],
  ladder: ['ladder_set', 'ladder_promote', 'ladder_demote', 'ladder_evaluate'],
  bonus_split: ['bonus_split', 'bonus_split_delete'],
  // 案例库
  case: ['create', 'update', 'delete'],
  // 附件, 账号, 部署
  attachment: ['upload', 'remove'],
  user: ['create', 'update', 'role', 'reset_password', 'passwd', 'disable', 'enable'],
  login_throttle: ['lift'],
  deployment: ['demo'],
};

export const AUDIT_ENTITIES: readonly string[] = Object.keys(AUDIT_ACTIONS);

/** The actions to offer for `entity`: its own, or (no entity, or one not in the catalogue) every action once. */
export function actionsOf(entity: string): readonly string[] {
  const own = entity ? AUDIT_ACTIONS[entity] : undefined;
  if (own) return own;
  return [...new Set(Object.values(AUDIT_ACTIONS).flat())];
}

/** The part of a message key that names a code: vue-i18n reads a dot as a level of the tree. */
export const keyOf = (code: string): string => code.replace(/\./g, '_');

/** The two functions of vue-i18n the labels need (useI18n's `t` and `te`). */
export interface Translate {
  t: (key: string) => string;
  te: (key: string) => boolean;
}

/** The label of an entity code, or the code itself when the catalogue does not name it. */
export function entityLabel(i18n: Translate, entity: string): string {
  const key = `audit.entities.${keyOf(entity)}`;
  return entity && i18n.te(key) ? i18n.t(key) : entity;
}

/**
 * The label of an action: what it means for `entity` where that is particular (a project's
 * `confirm` confirms a claim, a nomination's passes a review), else its general label, else the code.
 */
export function actionLabel(i18n: Translate, entity: string, action: string): string {
  if (!action) return '';
  const own = `audit.entityActions.${keyOf(entity)}.${keyOf(action)}`;
  if (entity && i18n.te(own)) return i18n.t(own);
  const general = `audit.actions.${keyOf(action)}`;
  return i18n.te(general) ? i18n.t(general) : action;
}

/** The record an entry is about: its type's label and number ("交办事项 #12"), or the label alone for 0. */
export function objectLabel(i18n: Translate, entity: string, id: number): string {
  return id ? `${entityLabel(i18n, entity)} #${id}` : entityLabel(i18n, entity);
}
