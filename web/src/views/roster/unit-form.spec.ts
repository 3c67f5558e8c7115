import { describe, expect, it } from 'vitest';
import { changedFields, childKind, emptyUnitInput, validateUnit } from './unit-form';

describe('unit form', () => {
  it('requires a name and a 12-digit code when a code is given', () => {
    const input = emptyUnitInput();
    expect(validateUnit(input).name).toBe('unitForm.nameRequired');
    input.name = '新村';
    input.code = '3212';
    expect(validateUnit(input)).toEqual({ code: 'unitForm.codeFormat' });
    input.code = '321204100201';
    expect(validateUnit(input)).toEqual({});
  });

  it('refuses negative or fractional population and negative area', () => {
    const input = { ...emptyUnitInput(), name: '村', population: -1, area_km2: -0.5 };
    expect(validateUnit(input)).toEqual({ population: 'unitForm.notNegative', area_km2: 'unitForm.notNegative' });
    expect(validateUnit({ ...input, population: 2.5, area_km2: 1 }).population).toBe('unitForm.notNegative');
  });

  it('counts names in UTF-8 bytes like the server (120)', () => {
    expect(validateUnit({ ...emptyUnitInput(), name: '村'.repeat(40) }).name).toBeUndefined();
    expect(validateUnit({ ...emptyUnitInput(), name: '村'.repeat(41) }).name).toBe('unitForm.nameTooLong');
  });

  it('sends only the changed fields when editing', () => {
    const before = { ...emptyUnitInput(), name: '旧村', population: 10 };
    expect(changedFields(before, { ...before, name: ' 新村 ', population: 10 })).toEqual({ name: '新村' });
    expect(changedFields(null, before).name).toBe('旧村');
  });

  it('suggests the next level down as the child kind', () => {
    expect(childKind('county')).toBe('town');
    expect(childKind('town')).toBe('village');
  });
});
