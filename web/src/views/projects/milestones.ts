// A plan as the server takes it: a hand-set deadline wins over a number of working days.
import type { MilestoneInput } from '../../api/projects';

export function planBody(rows: MilestoneInput[]): MilestoneInput[] {
  return rows.map((r) => (r.deadline ? { title: r.title.trim(), deadline: r.deadline } : { title: r.title.trim(), days: r.days ?? 0 }));
}
