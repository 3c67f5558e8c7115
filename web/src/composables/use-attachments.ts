// A record's attachments on its page (a ticket, a project): the live files, those under one
// timeline step or report (`filesOf(subId)`), uploading a batch with the server's word on each
// refused file, and removing one. The server decides who may do what; this only shows its answers.
import { ref } from 'vue';
import { ElMessage } from 'element-plus';
import { attachmentsApi, uploadAll, type Attachment, type AttachmentOwner } from '../api/attachments';
import { ApiError } from '../api/http';
import { t } from '../i18n';

export function useAttachments(owner: AttachmentOwner, ownerId: () => number) {
  const files = ref<Attachment[]>([]);
  const uploading = ref(false);

  async function loadFiles(): Promise<void> {
    try {
      files.value = (await attachmentsApi.list(owner, ownerId())).items;
    } catch {
      files.value = [];
    }
  }

  const filesOf = (subId: number) => files.value.filter((f) => f.sub_id === subId);

  async function uploadFiles(list: File[], subId = 0): Promise<void> {
    if (!list.length) return;
    uploading.value = true;
    try {
      const { stored, errors } = await uploadAll(owner, ownerId(), list, subId);
      if (stored.length) ElMessage.success(t('attachments.uploaded', { n: stored.length }));
      if (errors.length) ElMessage({ type: 'error', message: t('attachments.failed', { list: errors.join('；') }), duration: 8000 });
      await loadFiles();
    } finally {
      uploading.value = false;
    }
  }

  async function removeFile(a: Attachment): Promise<void> {
    try {
      await attachmentsApi.remove(a.id);
      ElMessage.success(t('attachments.removed'));
      await loadFiles();
    } catch (e) {
      if (e instanceof ApiError) ElMessage.error(e.message);
    }
  }

  return { files, uploading, loadFiles, filesOf, uploadFiles, removeFile };
}
