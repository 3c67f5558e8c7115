import { describe, expect, it } from 'vitest';
import { cellText, chartTable } from './chart-table';

const labels = { category: '类别', value: '数值' };

describe('chartTable', () => {
  it('reads a bar chart over a category axis, one column per series', () => {
    const table = chartTable(
      {
        xAxis: { type: 'category', data: ['35岁以下', '35-45岁'] },
        yAxis: { type: 'value' },
        series: [{ name: '人数', type: 'bar', data: [12, { value: 30, itemStyle: {} }] }],
      },
      labels,
    );
    expect(table).toEqual({ columns: ['类别', '人数'], rows: [['35岁以下', '12'], ['35-45岁', '30']] });
  });

  it('shows the left half of a mirrored pyramid as magnitudes, with the category on the y axis', () => {
    const table = chartTable(
      {
        xAxis: { type: 'value' },
        yAxis: { type: 'category', data: ['30-', '30-40'] },
        series: [
          { name: '男', type: 'bar', data: [-3, -5] },
          { name: '女', type: 'bar', data: [2, 4] },
        ],
      },
      labels,
    );
    expect(table?.columns).toEqual(['类别', '男', '女']);
    expect(table?.rows).toEqual([
      ['30-', '3', '2'],
      ['30-40', '5', '4'],
    ]);
  });

  it('adds a reference line as its own row', () => {
    const table = chartTable(
      {
        xAxis: { type: 'category', data: ['甲村'] },
        series: [{ name: '完成率', type: 'bar', data: [{ value: 51.25 }], markLine: { data: [{ yAxis: 50, name: '序时进度' }] } }],
      },
      labels,
    );
    expect(table?.rows).toEqual([
      ['甲村', '51.25'],
      ['序时进度', '50'],
    ]);
  });

  it('reads a pie as name and value, an unnamed series under the value label', () => {
    expect(chartTable({ series: [{ type: 'pie', data: [{ name: '本科', value: 10 }, { name: '大专', value: 4 }] }] }, labels)).toEqual({
      columns: ['类别', '数值'],
      rows: [
        ['本科', '10'],
        ['大专', '4'],
      ],
    });
  });

  it('reads a radar as one row per indicator and one column per subject', () => {
    const table = chartTable(
      {
        radar: { indicator: [{ name: '党建', max: 100 }, { name: '发展', max: 100 }] },
        series: [{ type: 'radar', data: [{ name: '北联村', value: [90.5, 80] }, { name: '塘马村', value: [70, 60.25] }] }],
      },
      labels,
    );
    expect(table).toEqual({
      columns: ['类别', '北联村', '塘马村'],
      rows: [
        ['党建', '90.5', '70'],
        ['发展', '80', '60.25'],
      ],
    });
  });

  it('has no table for no option, no series, or a series type it does not read', () => {
    expect(chartTable(null, labels)).toBeNull();
    expect(chartTable({ series: [] }, labels)).toBeNull();
    expect(chartTable({ series: [{ type: 'bar', data: [1] }] }, labels)).toBeNull(); // no category axis
    expect(chartTable({ series: [{ type: 'pie', data: [] }] }, labels)).toBeNull();
  });
});

describe('cellText', () => {
  it.each([
    [1.234, false, '1.23'],
    [-4, true, '4'],
    [-4, false, '-4'],
    [null, false, '—'],
    ['-', false, '—'],
    ['甲', false, '甲'],
  ] as const)('%s (magnitude %s) → %s', (value, magnitude, text) => {
    expect(cellText(value, magnitude)).toBe(text);
  });
});
