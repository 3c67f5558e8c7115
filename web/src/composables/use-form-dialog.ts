// A dialog that creates one record from a form (a pool, a program, a decision, a nomination).
import { reactive, ref, type Ref, type UnwrapNestedRefs } from 'vue';
import type { useServerErrors } from '../utils/server-errors';
import { useSubmit } from './use-submit';

export interface FormDialogOptions {
  /** The dialog's open state when the caller owns it (a v-model of its own); a new ref otherwise. */
  open?: Ref<boolean>;
  /** Field errors: a 422 naming a field shows under that field instead of under the form. */
  fields?: ReturnType<typeof useServerErrors>;
}

/**
 * `open`, the `form` (filled from `blank()` each time `start` opens the dialog), `saving` while a
 * save runs, and `error`: the server's reason for refusing, shown in the form. `submit` runs the
 * save and closes the dialog when it succeeded, returning what the server answered; a refusal
 * keeps it open and returns null.
 */
export function useFormDialog<T extends object>(blank: () => T, options: FormDialogOptions = {}) {
  const open = options.open ?? ref(false);
  const { saving, error, run } = useSubmit(options.fields);
  const form = reactive(blank()) as UnwrapNestedRefs<T>;

  /** Refills the form and clears the errors; opens the dialog unless the caller opened it. */
  function start(): void {
    Object.assign(form, blank());
    error.value = '';
    options.fields?.clear();
    open.value = true;
  }

  function submit<R>(save: () => Promise<R>): Promise<R | null> {
    return run(async () => {
      const saved = await save();
      open.value = false;
      return saved;
    });
  }

  return { open, form, saving, error, start, submit };
}
