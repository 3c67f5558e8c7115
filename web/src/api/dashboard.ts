// 班子结构 dashboard (docs/api.md, GET /units/{id}/stats): team-structure statistics of a unit's subtree.
import { http } from './http';

export interface TeamStats {
  count: number;
  average_age: number;
  college_share: number;
  male: number;
  female: number;
  age_bands: { band: string; count: number }[];
  pyramid: { band: string; male: number; female: number }[];
  education: { level: string; count: number }[];
  secretary_age_bands: { band: string; count: number }[];
  succession_risks: { unit_id: number; unit_name: string; person_id: number; secretary_name: string; age: number }[];
}

export const dashboardApi = {
  stats: (unitId: number) => http.get<TeamStats>(`/units/${unitId}/stats`, undefined, { quiet: true }),
};
