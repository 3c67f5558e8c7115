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

// Instants the server writes are ISO 8601 in UTC ("2026-12-06T19:26:01Z"); people read them in China
// time, the time the server's days are counted in — whatever zone the browser is set to.
const chinaTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** An instant as China time, "2026-12-07 03:26:01"; "—" when missing or not a time. */
export function dateTime(iso: string | null | undefined): string {
  const at = iso ? new Date(iso) : null;
  return at && !Number.isNaN(at.getTime()) ? chinaTime.format(at) : '—';
}

/** The day of an instant in China, "2026-12-07"; "—" when missing or not a time. */
export function dayOf(iso: string | null | undefined): string {
  const text = dateTime(iso);
  return text === '—' ? text : text.slice(0, 10);
}

/** The names typed into one box: separated by commas (either width), 、 or new lines; blanks dropped. */
export function nameList(text: string): string[] {
  return text
    .split(/[,，、\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
