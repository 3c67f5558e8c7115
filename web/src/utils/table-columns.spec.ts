import { describe, expect, it } from 'vitest';
import { cellText } from './table-columns';

describe('cellText', () => {
  it("shows the cell's value through the given function, whatever the row", () => {
    const percent = cellText((v: number) => `${Math.round(v * 100)}%`);
    expect(percent({ on_time_rate: 0.876 }, {}, 0.876)).toBe('88%');
    expect(cellText((v: number) => v * 2)({}, {}, 21)).toBe('42');
  });

  it('shows nothing where the function gives nothing, as a template would', () => {
    const town = new Map([[1, '姜堰区']]);
    const townOf = cellText((id: number) => town.get(id));
    expect(townOf({}, {}, 1)).toBe('姜堰区');
    expect(townOf({}, {}, 2)).toBe('');
  });
});
