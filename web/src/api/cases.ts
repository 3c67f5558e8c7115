// 案例库 (他山之石): imported articles, cleaned by the server, searchable in Chinese and linked to
// units (docs/api.md "Cases"). Everyone who reads may search; officers import, edit and delete.
import { http, type Query } from './http';

/** A unit an article names (or an editor linked). */
export interface CaseUnit {
  id: number;
  name: string;
}

/** A piece of a result's snippet: `hit` pieces match the search words and are highlighted. */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

/** One result of a search. */
export interface CaseItem {
  id: number;
  title: string;
  source: string;
  /** YYYY-MM-DD, or null when the article gives no date. */
  published: string | null;
  units: CaseUnit[];
  /** Without a search: the article's opening (no hits). */
  snippet: SnippetPart[];
}

export interface CasePage {
  items: CaseItem[];
  /** Cases matching the search, not only this page. */
  total: number;
  page: number;
  size: number;
}

/** The search of GET /cases; empty values are left out of the request. */
export interface CaseSearch {
  q?: string;
  unit?: number | null;
  year?: number | null;
  page?: number;
  size?: number;
}

/** A date the article names, as written and as a calendar date. */
export interface CaseDate {
  text: string;
  date: string;
}

/** A number the article names, with the sentence it stands in. */
export interface CaseNumber {
  text: string;
  context: string;
}

export interface CaseFacts {
  dates: CaseDate[];
  numbers: CaseNumber[];
}

/** One case in full (GET /cases/{id}). */
export interface CaseDetail {
  id: number;
  title: string;
  source: string;
  published: string | null;
  /** The original article's address, "" or null when none was given. */
  url: string | null;
  paragraphs: string[];
  units: CaseUnit[];
  facts: CaseFacts;
  created_by: string;
  /** ISO 8601 UTC. */
  created_at: string;
  /** True when this user may edit and delete the case (the server checks again). */
  can_edit: boolean;
}

/** What the server would make of a text (POST /cases/preview); nothing is saved. */
export interface CasePreview {
  title: string;
  source: string;
  published: string | null;
  paragraphs: string[];
  /** The lines taken out as site chrome, navigation or spam. */
  dropped: string[];
  /** True when traditional characters were converted to simplified. */
  converted: boolean;
  /** How many pinyin annotations like 問(wèn) were removed. */
  pinyin_removed: number;
  facts: CaseFacts;
  /** The units of the roster the article names: suggested links. */
  units: CaseUnit[];
}

export interface CaseText {
  text: string;
  url?: string;
}

export interface NewCase extends CaseText {
  /** Overrides the title the server finds. */
  title?: string;
  units: number[];
}

export interface CaseChange {
  title?: string;
  units?: number[];
}

export const CASE_PAGE_SIZE = 20;

export const casesApi = {
  /** Quiet: the page shows a refused search (422) itself. */
  search: ({ q, unit, year, page = 1, size = CASE_PAGE_SIZE }: CaseSearch) =>
    http.get<CasePage>('/cases', { q, unit, year, page, size } as Query, { quiet: true }),
  years: () => http.get<{ years: number[] }>('/cases/years'),
  get: (id: number) => http.get<CaseDetail>(`/cases/${id}`),
  preview: (body: CaseText) => http.post<CasePreview>('/cases/preview', body),
  create: (body: NewCase) => http.post<CaseDetail>('/cases', body),
  update: (id: number, change: CaseChange) => http.patch<CaseDetail>(`/cases/${id}`, change),
  remove: (id: number) => http.delete<void>(`/cases/${id}`),
};
