// The colour overrides of styles.css meet WCAG 2.1 AA: text >= 4.5:1 on the backgrounds Element
// Plus puts it on, the focus ring >= 3:1. Reads the variables from styles.css itself, so a
// colour changed there without checking fails here.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contrast, parseHex } from './utils/contrast';

const css = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'styles.css'), 'utf8');
const vars = new Map<string, string>();
for (const [, name, value] of css.matchAll(/(--[\w-]+):\s*(#[0-9a-fA-F]{3,6})\s*;/g)) vars.set(name, value);
const v = (name: string) => {
  const value = vars.get(name);
  if (!value) throw new Error(`styles.css does not set ${name}`);
  return value;
};

const WHITE = '#ffffff';
const PAGE = '#f0f2f5'; // body background
const TABLE_HEAD = '#f5f7fa'; // --el-fill-color-light: table headers, disabled fields

describe('contrast utils', () => {
  it('computes the WCAG ratios of known pairs', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#909399', '#ffffff')).toBeCloseTo(3.08, 2); // Element Plus's secondary grey fails
    expect(contrast('#fff', '#b71c1c')).toBeCloseTo(6.57, 2);
    expect(parseHex('#abc')).toEqual([0xaa, 0xbb, 0xcc]);
    expect(() => parseHex('red')).toThrow();
  });
});

describe('theme colours (styles.css)', () => {
  it.each(['--el-text-color-secondary', '--el-text-color-placeholder', '--el-color-info', '--el-color-success', '--el-color-warning', '--el-color-danger', '--el-color-error'])(
    '%s is text of >= 4.5:1 on white, the page grey and table headers',
    (name) => {
      for (const bg of [WHITE, PAGE, TABLE_HEAD]) expect(contrast(v(name), bg), `${name} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    },
  );

  it.each(['info', 'success', 'warning', 'danger', 'error'])('a light %s tag or alert (text on light-9) reaches 4.5:1, a dark one (white on the colour) too', (kind) => {
    expect(contrast(v(`--el-color-${kind}`), v(`--el-color-${kind}-light-9`))).toBeGreaterThanOrEqual(4.5);
    expect(contrast(WHITE, v(`--el-color-${kind}`))).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps the primary red readable on white and on its light tag background', () => {
    expect(contrast(v('--el-color-primary'), WHITE)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(v('--el-color-primary'), v('--el-color-primary-light-9'))).toBeGreaterThanOrEqual(4.5);
  });

  it('draws a focus ring of >= 3:1 against the page, white cards and the active menu entry', () => {
    for (const bg of [WHITE, PAGE, TABLE_HEAD, v('--el-color-primary-light-9')]) expect(contrast(v('--ly-focus-color'), bg)).toBeGreaterThanOrEqual(3);
  });
});
