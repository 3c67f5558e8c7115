import type { TeamStats } from '../../api/dashboard';

/** College share as a whole percent; the API gives a fraction (0–1). */
export function sharePercent(share: number): number {
  if (!Number.isFinite(share)) return 0;
  return Math.round(share <= 1 ? share * 100 : share);
}

/** Named values of the summary line "共 N 人，平均年龄 A 岁，大专及以上学历占 S%". */
export function summaryValues(stats: Pick<TeamStats, 'count' | 'average_age' | 'college_share'>) {
  return {
    count: stats.count,
    age: Math.round(stats.average_age || 0),
    share: sharePercent(stats.college_share || 0),
  };
}
