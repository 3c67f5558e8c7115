// The managers' panels of a draft campaign (settings, entry owners) edit a form built from the
// campaign's detail and send it whole.
import { computed, ref, watch, type Ref } from 'vue';
import { ElMessage } from 'element-plus';
import type { CampaignDetail } from '../../api/evaluation';
import { ApiError } from '../../api/http';
import type { SettingsIssue } from './campaign-settings';
import { t } from '../../i18n';

/**
 * `form` from `build(detail)`, rebuilt when the campaign (or its version or status) changes,
 * `issues` of the form, `touched` once a save was tried (the issues show from then on), `saving`,
 * and `save`: refused while issues remain; else it sends the form, says `doneKey` and returns the
 * campaign's new detail, or hands a refusal to `onRefused` and returns null. `clearServer`
 * forgets the server's last refusal (on every save and rebuild).
 */
export function useDraftPanel<F>(
  props: { detail: CampaignDetail },
  build: (detail: CampaignDetail) => F,
  issuesOf: (form: F) => SettingsIssue[],
  clearServer: () => void,
) {
  const form = ref(build(props.detail)) as Ref<F>;
  const touched = ref(false);
  const saving = ref(false);
  const issues = computed(() => issuesOf(form.value));
  watch(
    () => [props.detail.id, props.detail.version, props.detail.status],
    () => {
      form.value = build(props.detail);
      touched.value = false;
      clearServer();
    },
  );

  async function save(send: (form: F) => Promise<CampaignDetail>, doneKey: string, onRefused: (error: ApiError) => void): Promise<CampaignDetail | null> {
    touched.value = true;
    clearServer();
    if (issues.value.length) {
      ElMessage.warning(t('campaignSettings.fixFirst'));
      return null;
    }
    saving.value = true;
    try {
      const detail = await send(form.value);
      ElMessage.success(t(doneKey));
      return detail;
    } catch (error) {
      if (error instanceof ApiError) onRefused(error);
      return null;
    } finally {
      saving.value = false;
    }
  }

  return { form, touched, saving, issues, save };
}
