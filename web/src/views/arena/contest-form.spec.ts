import { describe, expect, it } from 'vitest';
import { contestBody, defaultForm, formProblem } from './contest-form';

describe('contest form', () => {
  it('starts from the Keqiao practice and says what is still missing', () => {
    const form = defaultForm(2026, 194);
    expect(form.criteria.map((c) => c.name)).toEqual(['现场陈述', '现场答辩', '实地察看']);
    expect(form.seats).toHaveLength(7);
    expect(formProblem(form)).toBe('needContestants');
    form.contestants = [11, 12];
    expect(formProblem(form)).toBe('needSeats');
    form.seats.forEach((s, i) => (s.home_unit_id = 200 + i));
    expect(formProblem(form)).toBeNull();
    form.trim = 4;
    expect(formProblem(form)).toBe('tooFewSeats');
  });

  it('becomes the body of POST /contests', () => {
    const form = defaultForm(2026, 194);
    form.contestants = [11];
    form.seats = [{ label: '评委一', home_unit_id: 201, username: ' judge ' }];
    form.trim = 0;
    const body = contestBody(form);
    expect(body.contestants).toEqual([{ person_id: 11 }]);
    expect(body.seats).toEqual([{ seat: 1, label: '评委一', home_unit_id: 201, username: 'judge' }]);
    expect(body.seconds_per_contestant).toBe(480);
    expect(body.aggregation).toEqual({ trim: 0, normalize: false });
    expect((body.criteria as { pre_scored: boolean }[])[2].pre_scored).toBe(true);
  });
});
