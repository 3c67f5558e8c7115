import { download, http, type Query } from './http';

export type UnitKind = 'province' | 'city' | 'county' | 'town' | 'village' | 'community' | 'grid' | 'enterprise';
export type Economy = 'none' | 'agriculture' | 'industry' | 'tourism' | 'mixed' | 'urban';
export type Gender = 'male' | 'female';

export const EDUCATIONS = ['middle', 'high', 'junior_college', 'bachelor', 'postgraduate'] as const;
export type Education = (typeof EDUCATIONS)[number];
export const AGE_BANDS = ['≤35', '36-45', '46-55', '56+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
/** Common position titles offered in filters and forms (free text is allowed too). */
export const POSITION_TITLES = ['书记', '副书记', '主任', '副主任', '委员', '党委书记', '镇长'];

export interface Unit extends UnitInput {
  id: number;
  parent_id: number | null;
  child_count: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  size: number;
}

export const PARTY_ORG_KINDS = ['committee', 'general_branch', 'branch', 'group'] as const;
export type PartyOrgKind = (typeof PARTY_ORG_KINDS)[number];

/** A party organization as the unit page lists it. */
export interface PartyOrg {
  id: number;
  name: string;
  kind: PartyOrgKind;
  member_count: number;
  parent_id?: number | null;
  approved_on?: string;
  document_no?: string;
  upgrade_hint: null | 'general_branch' | 'committee';
}

/** GET /party-orgs items (docs/api.md "Party organizations"). */
export interface PartyOrgView extends PartyOrg {
  unit_id: number;
  unit_name: string;
  parent_id: number | null;
  parent_name: string;
  direct_members: number;
  grid: boolean;
  approved_on: string;
  document_no: string;
  dissolved_on: string | null;
}

export interface PartyHousehold {
  id: number;
  org_id: number;
  person_id: number;
  person_name: string;
  place: string;
  served: { person_id: number; name: string }[];
  created_on: string;
  dissolved_on: string | null;
}

export interface PartyOrgDetail {
  org: PartyOrgView;
  sub_orgs: PartyOrgView[];
  members: { person_id: number; name: string; unit_name: string; party_join_date: string }[];
  history: { action: 'create' | 'rename' | 'upgrade' | 'dissolve'; from: string; to: string; approved_on: string; document_no: string; done_by: string; done_at: string }[];
  households: PartyHousehold[];
}

export interface PartyOrgInput {
  unit_id: number;
  name: string;
  kind: PartyOrgKind;
  parent_id?: number;
  approved_on: string;
  document_no?: string;
}

export interface TeamMember {
  position_id: number;
  person_id: number;
  name: string;
  gender: Gender;
  age: number;
  education: Education;
  title: string;
  start_date: string;
  tenure_years: number;
}

export interface UnitDetail {
  unit: Unit;
  ancestors: { id: number; name: string; kind: UnitKind }[];
  party_orgs: PartyOrg[];
  team: TeamMember[];
  incomes: { year: number; amount_yuan: number }[];
}

export interface Position {
  id: number;
  person_id: number;
  unit_id: number;
  unit_name: string;
  title: string;
  start_date: string;
  end_date: string | null;
}

export interface Person {
  id: number;
  unit_id: number;
  unit_name: string;
  name: string;
  gender: Gender;
  birth_date: string;
  age: number;
  education: Education;
  party_join_date: string | null;
  id_number_masked: string;
  phone: string;
  reserve_cadre: boolean;
  /** The membership: the party organization (null: none), joined on party_join_date. */
  party_org_id: number | null;
  party_org_name: string;
  positions: Position[];
}

/** Body of POST /people and PATCH /people/{id}: Person fields, id_number in clear. */
export interface SharedIdNumber {
  id_number_masked: string;
  people: Person[];
}

export interface PersonInput {
  unit_id: number | null;
  name: string;
  gender: Gender | '';
  birth_date: string;
  education: Education | '';
  party_join_date?: string;
  id_number?: string;
  phone?: string;
  reserve_cadre: boolean;
  party_org_id?: number | null;
}

/** Body of POST /units and PATCH /units/{id} (docs/api.md "Units"). */
export interface UnitInput {
  code: string;
  name: string;
  kind: UnitKind;
  economy: Economy;
  dev_zone: boolean;
  near_highway: boolean;
  population: number;
  area_km2: number;
}

export const rosterApi = {
  scopeRoots: () => http.get<Page<Unit>>('/units'),
  children: (parent: number, page = 1, size = 500) => http.get<Page<Unit>>('/units', { parent, page, size }),
  search: (q: string, size = 50) => http.get<Page<Unit>>('/units', { q, size }),
  unit: (id: number, quiet = false) => http.get<UnitDetail>(`/units/${id}`, undefined, { quiet }),
  people: (query: Query) => http.get<Page<Person>>('/people', query),
  person: (id: number) => http.get<Person>(`/people/${id}`, undefined, { quiet: true }),
  createPerson: (body: PersonInput) => http.post<Person>('/people', body),
  updatePerson: (id: number, body: Partial<PersonInput>) => http.patch<Person>(`/people/${id}`, body),
  deletePerson: (id: number) => http.delete<void>(`/people/${id}`),
  /** Admin only: ID numbers recorded for more than one person. */
  sharedIdNumbers: () => http.get<{ items: SharedIdNumber[] }>('/people/shared-id-numbers'),
  createPosition: (body: { person_id: number; unit_id: number; title: string; start_date: string; end_date?: string }) =>
    http.post<Position>('/positions', body),
  deletePosition: (id: number) => http.delete<void>(`/positions/${id}`),
  createUnit: (body: UnitInput & { parent_id: number }) => http.post<Unit>('/units', body, { quiet: true }),
  updateUnit: (id: number, body: Partial<UnitInput>) => http.patch<Unit>(`/units/${id}`, body, { quiet: true }),
  deleteUnit: (id: number) => http.delete<void>(`/units/${id}`, { quiet: true }),
  partyOrgs: (unit?: number | null, includeDissolved = false) =>
    http.get<{ items: PartyOrgView[] }>('/party-orgs', { unit: unit ?? undefined, include_dissolved: includeDissolved || undefined }),
  /** 党组织名册: the list's organizations (same filters) as a workbook. */
  exportPartyOrgs: (unit?: number | null, includeDissolved = false) =>
    download('/party-orgs.xlsx', { unit: unit ?? undefined, include_dissolved: includeDissolved || undefined }, '党组织名册.xlsx'),
  partyOrg: (id: number) => http.get<PartyOrgDetail>(`/party-orgs/${id}`, undefined, { quiet: true }),
  createPartyOrg: (body: PartyOrgInput) => http.post<PartyOrgView>('/party-orgs', body, { quiet: true }),
  renamePartyOrg: (id: number, name: string) => http.patch<PartyOrgView>(`/party-orgs/${id}`, { name }, { quiet: true }),
  upgradePartyOrg: (id: number, body: { kind: PartyOrgKind; name?: string; approved_on: string; document_no: string }) =>
    http.post<PartyOrgView>(`/party-orgs/${id}/upgrade`, body, { quiet: true }),
  dissolvePartyOrg: (id: number, body: { dissolved_on: string; document_no?: string; transfer_to?: number }) =>
    http.post<PartyOrgView>(`/party-orgs/${id}/dissolve`, body, { quiet: true }),
  createHousehold: (org: number, body: { person_id: number; place: string; served: number[] }) =>
    http.post<PartyHousehold>(`/party-orgs/${org}/households`, body, { quiet: true }),
  dissolveHousehold: (org: number, id: number) => http.post<void>(`/party-orgs/${org}/households/${id}/dissolve`, {}),
};
