import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http';
import { useSubmit } from './use-submit';
import { useFormDialog } from './use-form-dialog';

describe('useSubmit', () => {
  it('answers what the save returned, saving only while it runs', async () => {
    const { saving, error, run } = useSubmit();
    error.value = 'earlier refusal';
    let during = false;
    const answer = await run(async () => {
      during = saving.value;
      return 7;
    });
    expect(answer).toBe(7);
    expect(during).toBe(true);
    expect(saving.value).toBe(false);
    expect(error.value).toBe('');
  });

  it("keeps the server's reason when it refuses and answers null", async () => {
    const { saving, error, run } = useSubmit();
    const answer = await run(() => Promise.reject(new ApiError(422, 'invalid', '标题不能为空', 'title')));
    expect(answer).toBeNull();
    expect(error.value).toBe('标题不能为空');
    expect(saving.value).toBe(false);
  });

  it('answers null without a reason for a failure that is not the server refusing', async () => {
    const { error, run } = useSubmit();
    expect(await run(() => Promise.reject(new Error('offline')))).toBeNull();
    expect(error.value).toBe('');
  });
});

describe('useFormDialog', () => {
  it('opens on a blank form and closes once the save succeeded', async () => {
    const dialog = useFormDialog(() => ({ name: '' }));
    dialog.form.name = 'left over';
    dialog.start();
    expect(dialog.open.value).toBe(true);
    expect(dialog.form.name).toBe('');
    expect(await dialog.submit(async () => 'saved')).toBe('saved');
    expect(dialog.open.value).toBe(false);
  });

  it('stays open with the reason when the server refuses', async () => {
    const dialog = useFormDialog(() => ({ name: '' }));
    dialog.start();
    expect(await dialog.submit(() => Promise.reject(new ApiError(409, 'conflict', '名称已存在')))).toBeNull();
    expect(dialog.open.value).toBe(true);
    expect(dialog.error.value).toBe('名称已存在');
  });
});
