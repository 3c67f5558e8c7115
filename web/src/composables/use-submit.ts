// Sending one change to the server from a form or a dialog.
import { ref } from 'vue';
import { ApiError } from '../api/http';
import type { useServerErrors } from '../utils/server-errors';

/**
 * `saving` while a save runs and `error`: the server's reason for refusing (an ApiError's message),
 * shown in the form. `run` clears `error`, runs the save and returns what it answered, or null when
 * it was refused (any other failure is left to the http layer's toast and also gives null). With
 * `fields`, a 422 naming a field shows under that field instead of under the form.
 */
export function useSubmit(fields?: ReturnType<typeof useServerErrors>) {
  const saving = ref(false);
  const error = ref('');

  async function run<R>(save: () => Promise<R>): Promise<R | null> {
    error.value = '';
    fields?.clear();
    saving.value = true;
    try {
      return await save();
    } catch (refused) {
      if (fields?.take(refused)) return null;
      if (refused instanceof ApiError) error.value = refused.message;
      return null;
    } finally {
      saving.value = false;
    }
  }

  return { saving, error, run };
}
