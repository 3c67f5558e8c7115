// The new-contest form (擂台赛设置): its state with the defaults of the Keqiao practice (现场陈述 40 +
// 现场答辩 10 + 实地察看 50 pre-scored; seven judges, the highest and lowest dropped; town recusal;
// 金牌书记 × 3) and the body of POST /contests it becomes. Pure (tested in contest-form.spec.ts).

export interface CriterionRow {
  key: string;
  name: string;
  max: number;
  weight: number;
  pre_scored: boolean;
}

export interface SeatRow {
  label: string;
  home_unit_id: number | null;
  username: string;
}

export interface TitleRow {
  name: string;
  quota: number;
  level: 'city' | 'county' | 'town';
}

export interface ContestForm {
  name: string;
  unit_id: number | null;
  public: boolean;
  year: number;
  contestants: number[];
  seats: SeatRow[];
  criteria: CriterionRow[];
  trim: number;
  normalize: boolean;
  recusal: 'none' | 'village' | 'town' | 'county';
  minutes: number;
  titles: TitleRow[];
  draw_lots: boolean;
}

const SEAT_LABELS = ['评委一', '评委二', '评委三', '评委四', '评委五', '评委六', '评委七', '评委八', '评委九'];

export function seatLabel(index: number): string {
  return SEAT_LABELS[index] ?? `评委${index + 1}`;
}

export function defaultForm(year: number, unitId: number | null): ContestForm {
  return {
    name: `${year}年村社党组织书记领雁擂台赛`,
    unit_id: unitId,
    public: true,
    year,
    contestants: [],
    seats: Array.from({ length: 7 }, (_, i) => ({ label: seatLabel(i), home_unit_id: null, username: '' })),
    criteria: [
      { key: 'statement', name: '现场陈述', max: 40, weight: 40, pre_scored: false },
      { key: 'defence', name: '现场答辩', max: 10, weight: 10, pre_scored: false },
      { key: 'inspection', name: '实地察看', max: 50, weight: 50, pre_scored: true },
    ],
    trim: 1,
    normalize: false,
    recusal: 'town',
    minutes: 8,
    titles: [{ name: '金牌书记', quota: 3, level: 'county' }],
    draw_lots: true,
  };
}

/** The first thing the form still lacks (an i18n key of arena.form.*), or null when it can be sent. */
export function formProblem(form: ContestForm): string | null {
  if (!form.name.trim()) return 'needName';
  if (!form.contestants.length) return 'needContestants';
  if (!form.seats.length || form.seats.some((s) => !s.label.trim() || !s.home_unit_id)) return 'needSeats';
  if (form.seats.length < 2 * form.trim + 1) return 'tooFewSeats';
  if (!form.criteria.some((c) => !c.pre_scored)) return 'needLiveCriterion';
  return null;
}

/** The body of POST /api/v1/contests. */
export function contestBody(form: ContestForm): Record<string, unknown> {
  return {
    name: form.name.trim(),
    unit_id: form.unit_id ?? undefined,
    public: form.public,
    year: form.year,
    contestants: form.contestants.map((person_id) => ({ person_id })),
    seats: form.seats.map((s, i) => ({ seat: i + 1, label: s.label.trim(), home_unit_id: s.home_unit_id, username: s.username.trim() || undefined })),
    criteria: form.criteria.map((c, i) => ({ key: c.key || `c${i + 1}`, name: c.name, min: 0, max: c.max, weight: c.weight, pre_scored: c.pre_scored })),
    aggregation: { trim: form.trim, normalize: form.normalize },
    recusal: form.recusal,
    seconds_per_contestant: Math.round(form.minutes * 60),
    titles: form.titles.filter((t) => t.name.trim()).map((t) => ({ name: t.name.trim(), quota: t.quota, level: t.level })),
    draw_lots: form.draw_lots,
  };
}
