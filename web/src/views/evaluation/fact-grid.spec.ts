import { describe, expect, it } from 'vitest';
import type { Criterion, FactRecord, Subject } from '../../api/evaluation';
import { columnId, gridChanges, gridValues, gridsFor, judgesOf, normalizeNumber, parseTsv, pasteBlock } from './fact-grid';

const crit = (id: string, method: string, parent = 'g'): Criterion => ({ id, name: id.toUpperCase(), parent, level: 2, method, weight: 1, share: 0.5, global_share: 0.5 });
const criteria: Criterion[] = [
  { id: 'g', name: 'G', parent: '', level: 1, method: 'group', weight: 1, share: 1, global_share: 1 },
  crit('sales', 'target'),
  crit('speech', 'judges'),
  crit('votes', 'rating'),
  crit('fdi', 'target'),
];
const subjects: Subject[] = [
  { id: 11, unit_id: 1, name: '罗塘街道', unit_name: '罗塘街道', town_id: 1, town_name: '罗塘街道' },
  { id: 12, unit_id: 2, name: '白米镇', unit_name: '白米镇', town_id: 2, town_name: '白米镇' },
];
const fact = (subject_id: number, criterion: string, key: string, value: string, judge = ''): FactRecord => ({
  id: 0,
  subject_id,
  criterion,
  key,
  judge,
  value,
  entered_by: 'county',
  entered_at: '',
});
const facts = [fact(11, 'sales', 'target', '180'), fact(11, 'speech', 'judge', '92.5', '张评委'), fact(12, 'speech', 'judge', '88', '李评委'), fact(11, '-', 'veto', '安全事故')];

describe('fact grids', () => {
  it('makes one grid per method in a fixed order, then the subject-level grid', () => {
    const grids = gridsFor(criteria, judgesOf(facts));
    expect(grids.map((g) => g.method)).toEqual(['target', 'judges', 'rating', '-']);
    expect(grids[0].columns.map((c) => `${c.criterion}.${c.key}`)).toEqual(['sales.target', 'sales.actual', 'fdi.target', 'fdi.actual']);
    expect(grids[1].columns.map((c) => c.judge)).toEqual(['张评委', '李评委']);
    expect(grids[2].columns.map((c) => c.key)).toEqual(['优秀', '称职', '基本称职', '不称职']);
    expect(grids[3].columns.map((c) => [c.key, c.numeric])).toEqual([['veto', false], ['bonus', true], ['penalty', true]]);
  });

  it('fills cells from the stored facts, judges by name', () => {
    const [target, judges, , subject] = gridsFor(criteria, judgesOf(facts));
    expect(gridValues(target, subjects, facts)[11][columnId('sales', 'target')]).toBe('180');
    expect(gridValues(target, subjects, facts)[12][columnId('sales', 'target')]).toBe('');
    const j = gridValues(judges, subjects, facts);
    expect([j[11][columnId('speech', 'judge', '张评委')], j[12][columnId('speech', 'judge', '李评委')], j[12][columnId('speech', 'judge', '张评委')]]).toEqual(['92.5', '88', '']);
    expect(gridValues(subject, subjects, facts)[11][columnId('-', 'veto')]).toBe('安全事故');
  });

  it('sends only changed cells: new values, replaced values, and null for a cleared one', () => {
    const [target, judges] = gridsFor(criteria, judgesOf(facts));
    const stored = gridValues(target, subjects, facts);
    const current = structuredClone(stored);
    current[11][columnId('sales', 'target')] = '180.0'; // the same number: unchanged
    current[11][columnId('sales', 'actual')] = ' 1,201.5 ';
    current[12][columnId('fdi', 'target')] = '50';
    let changes = gridChanges(target, subjects, stored, current);
    expect(changes.facts).toEqual([
      { subject_id: 11, criterion: 'sales', key: 'actual', value: '1201.5' },
      { subject_id: 12, criterion: 'fdi', key: 'target', value: '50' },
    ]);
    expect(changes.cells[1]).toEqual({ subjectId: 12, columnId: columnId('fdi', 'target') });

    const jStored = gridValues(judges, subjects, facts);
    const jCurrent = structuredClone(jStored);
    jCurrent[11][columnId('speech', 'judge', '张评委')] = '';
    jCurrent[12][columnId('speech', 'judge', '张评委')] = '九十';
    changes = gridChanges(judges, subjects, jStored, jCurrent);
    expect(changes.facts).toEqual([{ subject_id: 11, criterion: 'speech', key: 'judge', value: null, judge: '张评委' }]);
    expect(changes.invalid).toEqual({ 12: { [columnId('speech', 'judge', '张评委')]: 'notNumber' } });
  });

  it('normalizes numbers typed or pasted from Excel', () => {
    const cases: [string, string | null][] = [
      ['12', '12'],
      [' 1,234.50 ', '1234.50'],
      ['１２．５', '12.5'],
      ['-3', '-3'],
      ['.5', '.5'],
      ['', ''],
      ['1,2', null],
      ['12%', null],
      ['abc', null],
    ];
    for (const [text, expected] of cases) expect(normalizeNumber(text), text).toBe(expected);
  });

  it('parses Excel’s tab-separated clipboard, quotes and CRLF included', () => {
    expect(parseTsv('1\t2\r\n3\t4\r\n')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(parseTsv('"a\tb"\t"say ""hi"""\n"two\nlines"\t')).toEqual([
      ['a\tb', 'say "hi"'],
      ['two\nlines', ''],
    ]);
    expect(parseTsv('42')).toEqual([['42']]);
    expect(parseTsv('')).toEqual([]);
  });

  it('pastes a block from the focused cell, dropping what falls outside the grid', () => {
    const [target] = gridsFor(criteria, []);
    const values = gridValues(target, subjects, []);
    const result = pasteBlock(target, subjects, values, 0, 2, parseTsv('50\t48\textra\n60\t61\n70\t71\n'));
    expect(result).toEqual({ written: 4, clipped: true });
    expect(values[11][columnId('fdi', 'target')]).toBe('50');
    expect(values[11][columnId('fdi', 'actual')]).toBe('48');
    expect(values[12][columnId('fdi', 'actual')]).toBe('61');
    expect(values[12][columnId('sales', 'target')]).toBe('');
  });
});
