// A dialog that creates one record from a form (a pool, a program).
import { reactive, ref, type UnwrapNestedRefs } from 'vue';
import { useSubmit } from './use-submit';

/**
 * `open`, the `form` (filled from `blank()` each time `start` opens the dialog), `saving` while a
 * save runs, and `error`: the server's reason for refusing, shown in the form. `submit` runs the
 * save and closes the dialog when it succeeded, returning what the server answered; a refusal
 * keeps it open and returns null.
 */
export function useFormDialog<T extends object>(blank: () => T) {
  const open = ref(false);
  const { saving, error, run } = useSubmit();
  const form = reactive(blank()) as UnwrapNestedRefs<T>;

  function start(): void {
    Object.assign(form, blank());
    error.value = '';
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
