// 导出获奖名单: the campaign's award list as xlsx (the campaign page's head card and the award list).
import { ElMessage } from 'element-plus';
import { evaluationApi } from '../../api/evaluation';
import { t } from '../../i18n';

/** Downloads campaign `id`'s award list as "<name>.xlsx" and says so; a failure the http layer has told. */
export async function exportAwards(id: number, name: string | undefined): Promise<void> {
  try {
    await evaluationApi.downloadAwards(id, `${name ?? 'awards'}.xlsx`);
    ElMessage.success(t('exchange.downloaded'));
  } catch {
    // already told
  }
}
