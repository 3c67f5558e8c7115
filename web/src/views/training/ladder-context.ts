// The ladder page shares the chosen unit and date, the loaded people and the grades entered for
// the yearly run with its tab panels: the page provides them, each panel injects them. The
// grades (and the campaign that may supply them) serve both the evaluation run and the bonus split.
import { inject, provide, type ComputedRef, type Ref } from 'vue';
import type { InjectionKey } from 'vue';
import type { Campaign } from '../../api/evaluation';
import type { Grade, LadderConfig, LadderPerson } from '../../api/training';

export interface LadderContext {
  canManage: ComputedRef<boolean>;
  /** The tab shown; the bonus panel loads the saved splits only when shown. */
  tab: Ref<string>;
  unit: Ref<number | null>;
  /** Date the ladder is read at, YYYY-MM-DD; "" = today. */
  asOf: Ref<string>;
  config: Ref<LadderConfig | null>;
  people: Ref<LadderPerson[]>;
  counts: Ref<{ people: number; graded: number }>;
  /** Graded people only (the default): a county has thousands of people, most never graded. */
  onlyGraded: Ref<boolean>;
  loading: Ref<boolean>;
  reload: () => Promise<void>;
  /** Person id → the grade entered for the yearly run ("" = none). */
  grades: Ref<Record<number, Grade | ''>>;
  /** Published campaigns whose subjects are people; one may supply the grades. */
  campaigns: Ref<Campaign[]>;
  campaignId: Ref<number | null>;
}

const KEY: InjectionKey<LadderContext> = Symbol('ladder');

export function provideLadder(context: LadderContext): void {
  provide(KEY, context);
}

export function useLadder(): LadderContext {
  const context = inject(KEY);
  if (!context) throw new Error('useLadder() outside the ladder page');
  return context;
}

/** The grades entered, as the API's list (people without a grade are left out). */
export function gradeList(grades: Record<number, Grade | ''>): { person_id: number; grade: Grade }[] {
  return Object.entries(grades)
    .filter(([, g]) => g)
    .map(([pid, g]) => ({ person_id: Number(pid), grade: g as Grade }));
}
