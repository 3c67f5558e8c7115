// 工作台 the caller's home page (docs/api.md "Workbench"): cards of what waits for the caller.
import { http } from './http';

export interface WorkCard {
  /** Stable key: the label is workbench.cards.<key>, else the server's (Chinese) title. */
  key: string;
  title: string;
  count: number;
  /** The page one click opens (with its query). */
  path: string;
  /** True when it waits for the caller; false for an overview figure. */
  action: boolean;
}

export interface Workbench {
  role: string;
  cards: WorkCard[];
}

export const workbenchApi = {
  get: () => http.get<Workbench>('/workbench'),
};
