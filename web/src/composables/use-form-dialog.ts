// A dialog that creates one record from a form (a pool, a program).
import { reactive, ref, type UnwrapNestedRefs } from 'vue';
import { ApiError } from '../api/http';

/**
 * `open`, the `form` (filled from `blank()` each time `start` opens the dialog), `saving` while a
 * save runs, and `error`: the server's reason for refusing, shown in the form. `submit` runs the
 * save and closes the dialog when it succeeded, returning what the server answered; a refusal
 * keeps it open and returns null.
 */
export function useFormDialog<T extends object>(blank: () => T) {
  const open = ref(false);
  const saving = ref(false);
  const error = ref('');
  const form = reactive(blank()) as UnwrapNestedRefs<T>;

  function start(): void {
    Object.assign(form, blank());
    error.value = '';
    open.value = true;
  }

  async function submit<R>(save: () => Promise<R>): Promise<R | null> {
    error.value = '';
    saving.value = true;
    try {
      const saved = await save();
      open.value = false;
      return saved;
    } catch (refused) {
      if (refused instanceof ApiError) error.value = refused.message;
      return null;
    } finally {
      saving.value = false;
    }
  }

  return { open, form, saving, error, start, submit };
}
