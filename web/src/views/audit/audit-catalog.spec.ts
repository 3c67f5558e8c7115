import { afterEach, describe, expect, it } from 'vitest';
import { i18n, setLocale, type AppLocale } from '../../i18n';
import zhCN from '../../locales/zh-CN';
import en from '../../locales/en';
import type { Messages } from '../../locales/merge';
import { actionLabel, actionsOf, AUDIT_ACTIONS, AUDIT_ENTITIES, entityLabel, keyOf, objectLabel } from './audit-catalog';

const labels = { t: (key: string) => i18n.global.t(key), te: (key: string) => i18n.global.te(key) };
const tree = (messages: Messages, path: string): Messages => path.split('.').reduce((node, key) => node[key] as Messages, messages);

describe('audit catalogue', () => {
  afterEach(() => setLocale('zh-CN'));

  it('names every entity and action it lists, in both languages', () => {
    for (const [name, messages] of [['zh-CN', zhCN], ['en', en]] as const) {
      const entities = tree(messages, 'audit.entities');
      const actions = tree(messages, 'audit.actions');
      for (const entity of AUDIT_ENTITIES) {
        expect(typeof entities[entity], `${name} audit.entities.${entity}`).toBe('string');
        for (const action of AUDIT_ACTIONS[entity]) expect(typeof actions[keyOf(action)], `${name} audit.actions.${keyOf(action)}`).toBe('string');
      }
    }
  });

  it('gives an entity its own label only for actions the entity has', () => {
    for (const [entity, own] of Object.entries(tree(zhCN, 'audit.entityActions'))) {
      expect(AUDIT_ENTITIES, entity).toContain(entity);
      for (const action of Object.keys(own)) expect(AUDIT_ACTIONS[entity].map(keyOf), `${entity}.${action}`).toContain(action);
    }
  });

  it('labels entities and actions, preferring what an action means for its entity', () => {
    const cases: [AppLocale, string, string, string, string][] = [
      ['zh-CN', 'ticket', 'create', '交办事项', '新建'],
      ['zh-CN', 'ticket', 'report', '交办事项', '报结'],
      ['zh-CN', 'project', 'report', '项目', '报告进展'],
      ['zh-CN', 'contest', 'arena.draw', '擂台赛', '抽签'],
      ['zh-CN', 'points_event', 'approve', '积分记录', '审核通过'],
      ['en', 'ticket', 'send_back', 'Ticket', 'Send back'],
      ['en', 'tangping_nomination', 'confirm', 'Lying-flat nomination', 'Pass review'],
    ];
    for (const [locale, entity, action, entityText, actionText] of cases) {
      setLocale(locale);
      expect(entityLabel(labels, entity), `${locale} ${entity}`).toBe(entityText);
      expect(actionLabel(labels, entity, action), `${locale} ${entity}.${action}`).toBe(actionText);
    }
  });

  it('shows a code it does not know as the code itself', () => {
    expect(entityLabel(labels, 'future_thing')).toBe('future_thing');
    expect(actionLabel(labels, 'future_thing', 'arena.teleport')).toBe('arena.teleport');
    expect(actionLabel(labels, 'ticket', 'escalate')).toBe('escalate');
    // A known action of an unknown entity still reads as the action.
    expect(actionLabel(labels, 'future_thing', 'create')).toBe('新建');
    expect(entityLabel(labels, '')).toBe('');
    expect(actionLabel(labels, '', '')).toBe('');
  });

  it('names the record an entry is about, with its number when it has one', () => {
    expect(objectLabel(labels, 'ticket', 12)).toBe('交办事项 #12');
    expect(objectLabel(labels, 'deployment', 0)).toBe('部署');
    expect(objectLabel(labels, 'future_thing', 3)).toBe('future_thing #3');
  });

  it('offers the actions of the chosen entity, or every action once', () => {
    expect(actionsOf('ticket')).toContain('send_back');
    expect(actionsOf('ticket')).not.toContain('publish');
    const all = actionsOf('');
    expect(new Set(all).size).toBe(all.length);
    for (const entity of AUDIT_ENTITIES) for (const action of AUDIT_ACTIONS[entity]) expect(all).toContain(action);
    expect(actionsOf('future_thing')).toEqual(all);
  });
});
