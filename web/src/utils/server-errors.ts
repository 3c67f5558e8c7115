import { reactive } from 'vue';
import { ApiError } from '../api/http';

/**
 * Server-side field errors (422 `field`) for a form: bind `:error="errors.get('name')"` on
 * each el-form-item. `take` returns true when the error was a field error and is now shown.
 */
export function useServerErrors() {
  const fields = reactive<Record<string, string>>({});
  return {
    fields,
    get: (field: string): string => fields[field] ?? '',
    clear: (field?: string): void => {
      for (const key of Object.keys(fields)) if (!field || key === field) delete fields[key];
    },
    take: (error: unknown): boolean => {
      if (error instanceof ApiError && error.status === 422 && error.field) {
        fields[error.field] = error.message;
        return true;
      }
      return false;
    },
  };
}
