// The files attached to one record (a ticket, a points declaration).
import { ref } from 'vue';
import { ElMessage } from 'element-plus';
import { attachmentsApi, type Attachment, type AttachmentOwner } from '../api/attachments';
import { ApiError } from '../api/http';
import { t } from '../i18n';

/**
 * `items` of `owner` number `ownerId()`: `load` reads them (none when that fails), `remove` deletes
 * one, says so and reads them again; a refusal shows the server's message.
 */
export function useAttachments(owner: AttachmentOwner, ownerId: () => number) {
  const items = ref<Attachment[]>([]);

  async function load(): Promise<void> {
    try {
      items.value = (await attachmentsApi.list(owner, ownerId())).items;
    } catch {
      items.value = [];
    }
  }

  async function remove(file: Attachment): Promise<void> {
    try {
      await attachmentsApi.remove(file.id);
      ElMessage.success(t('attachments.removed'));
      await load();
    } catch (e) {
      if (e instanceof ApiError) ElMessage.error(e.message);
    }
  }

  return { items, load, remove };
}
