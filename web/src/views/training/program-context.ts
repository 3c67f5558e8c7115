// The program page shares one loaded program with its tab panels and dialogs: the page
// provides it, each panel injects it, and a change goes through `run`, which reports the
// outcome and reloads the program before the panel closes its dialog.
import { inject, provide, type ComputedRef, type InjectionKey, type Ref } from 'vue';
import { ElMessage } from 'element-plus';
import type { Program } from '../../api/training';
import { warnRefused } from '../../utils/server-errors';
import { t } from '../../i18n';

export interface ProgramContext {
  id: ComputedRef<number>;
  program: Ref<Program | null>;
  canManage: ComputedRef<boolean>;
  /** The tab shown; a panel that loads more (the recommendation) does so only when shown. */
  tab: Ref<string>;
  reload: () => Promise<void>;
}

const KEY: InjectionKey<ProgramContext> = Symbol('program');

/**
 * The batch the recommendation opens on: the first with a trainee not yet placed (the work left),
 * otherwise the first batch; null when the program has none.
 */
export function batchToPlace(program: Pick<Program, 'batches' | 'placements'>): number | null {
  const placed = new Set(program.placements.map((p) => `${p.batch_id}:${p.person_id}`));
  const open = program.batches.find((b) => b.trainees.some((x) => !placed.has(`${b.id}:${x.person_id}`)));
  return (open ?? program.batches[0])?.id ?? null;
}

export function provideProgram(context: ProgramContext): void {
  provide(KEY, context);
}

export function useProgram() {
  const context = inject(KEY);
  if (!context) throw new Error('useProgram() outside the program page');
  const { program, reload } = context;
  /** Saves one change: "saved" and a reload on success (true), the server's reason on refusal (false). */
  async function run(action: () => Promise<unknown>): Promise<boolean> {
    try {
      await action();
      ElMessage.success(t('training.saved'));
      await reload();
      return true;
    } catch (error) {
      warnRefused(error);
      return false;
    }
  }
  /** A batch's name by id, "—" for none (seminars for the whole program). */
  const batchName = (batchId: number | null) => program.value?.batches.find((b) => b.id === batchId)?.name ?? '—';
  return { ...context, run, batchName };
}
