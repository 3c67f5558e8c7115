// Sending one change to the server from a form or a dialog.
import { ref } from 'vue';
import { ApiError } from '../api/http';

/**
 * `saving` while a save runs and `error`: the server's reason for refusing (an ApiError's message),
 * shown in the form. `run` clears `error`, runs the save and returns what it answered, or null when
 * it was refused (any other failure is left to the http layer's toast and also gives null).
 */
export function useSubmit() {
  const saving = ref(false);
  const error = ref('');

  async function run<R>(save: () => Promise<R>): Promise<R | null> {
    error.value = '';
    saving.value = true;
    try {
      return await save();
    } catch (refused) {
      if (refused instanceof ApiError) error.value = refused.message;
      return null;
    } finally {
      saving.value = false;
    }
  }

  return { saving, error, run };
}
