// The unit form (新增下级单位 / 编辑单位): what is checked in the browser before the server
// checks it again (docs/api.md "Units"). Messages are i18n keys.
import type { Unit, UnitInput } from '../../api/roster';

export type UnitFormErrors = Partial<Record<keyof UnitInput, string>>;

export function emptyUnitInput(kind: UnitInput['kind'] = 'village'): UnitInput {
  return { code: '', name: '', kind, economy: 'none', dev_zone: false, near_highway: false, population: 0, area_km2: 0 };
}

export function unitInputOf(u: Unit): UnitInput {
  return {
    code: u.code ?? '',
    name: u.name,
    kind: u.kind,
    economy: u.economy,
    dev_zone: u.dev_zone,
    near_highway: u.near_highway,
    population: u.population ?? 0,
    area_km2: u.area_km2 ?? 0,
  };
}

/** The kind a child of `parent` usually has: a county's children are towns, and so on. */
export function childKind(parent: Unit['kind']): UnitInput['kind'] {
  const next: Record<Unit['kind'], UnitInput['kind']> = {
    province: 'city',
    city: 'county',
    county: 'town',
    town: 'village',
    village: 'grid',
    community: 'grid',
    grid: 'enterprise',
    enterprise: 'enterprise',
  };
  return next[parent];
}

export function validateUnit(input: UnitInput): UnitFormErrors {
  const errors: UnitFormErrors = {};
  const name = input.name.trim();
  if (!name) errors.name = 'unitForm.nameRequired';
  else if (new TextEncoder().encode(name).length > 120) errors.name = 'unitForm.nameTooLong';
  if (input.code && !/^\d{12}$/.test(input.code)) errors.code = 'unitForm.codeFormat';
  if (!Number.isInteger(input.population) || input.population < 0) errors.population = 'unitForm.notNegative';
  if (!Number.isFinite(input.area_km2) || input.area_km2 < 0) errors.area_km2 = 'unitForm.notNegative';
  return errors;
}

/** The fields that differ from `before` (a PATCH body); all fields when creating. */
export function changedFields(before: UnitInput | null, after: UnitInput): Partial<UnitInput> {
  const trimmed = { ...after, name: after.name.trim(), code: after.code.trim() };
  if (!before) return trimmed;
  const out: Partial<UnitInput> = {};
  for (const key of Object.keys(trimmed) as (keyof UnitInput)[]) {
    if (trimmed[key] !== before[key]) (out as Record<string, unknown>)[key] = trimmed[key];
  }
  return out;
}
