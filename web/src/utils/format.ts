// Number formats shared by the modules' tables and figures.

/** Fixed decimals, or "—" for a missing number. */
export function fixed(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined || Number.isNaN(value) ? '—' : value.toFixed(digits);
}

/** A share (0–1) as a percentage with one decimal: 0.25 → "25.0%". */
export function percent(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(digits)}%`;
}

/**
 * A quantity (money, counts, indicator values) the one way every page writes it: thousands
 * separators and at most `digits` decimals, trailing zeros dropped — 2557.8 → "2,557.8",
 * 2309.571 → "2,309.57", 12 → "12"; "—" when missing.
 */
export function amount(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value.toLocaleString('en-US', { maximumFractionDigits: digits });
}
