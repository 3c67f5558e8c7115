// Charts follow the user's motion preference: animated by default, still when less motion is asked for.
import { describe, expect, it } from 'vitest';
import { withMotionPreference, type ChartOption } from './use-echarts';

describe('withMotionPreference', () => {
  const option: ChartOption = { xAxis: { type: 'category', data: ['a'] }, yAxis: {}, series: [{ type: 'bar', data: [1] }] };
  it('leaves the option as it is when no reduced motion is asked for', () => {
    expect(withMotionPreference(option, false)).toBe(option);
  });
  it('turns the animation off for prefers-reduced-motion, keeping the rest', () => {
    const still = withMotionPreference(option, true);
    expect(still.animation).toBe(false);
    expect(still.series).toBe(option.series);
    expect(option.animation).toBeUndefined();
  });
});
