// Pure helpers of the arena pages: which live message to apply, the timer, score formats, the
// judge's sheet total and idempotency keys. No Vue, no network (tested in arena.spec.ts).
import type { LiveMessage, LiveState, SeatMark, SheetCriterion } from '../../api/arena';

/**
 * Whether a message moves the screen forward. Messages arrive in seq order; after a reconnect the
 * server resends what was missed, so anything at or below the last seq is a repeat — except the
 * first message of a connection whose seq is lower than ours: the contest was reset (a restored
 * database), and the screen follows the server.
 */
export function shouldApply(lastSeq: number | null, message: Pick<LiveMessage, 'seq'>, firstOfConnection: boolean): boolean {
  if (lastSeq === null) return true;
  if (message.seq > lastSeq) return true;
  return firstOfConnection && message.seq < lastSeq;
}

/** Milliseconds left of the contestant's time (negative: overtime), at server time `nowMs`. */
export function remainingMs(timer: LiveState['timer'], nowMs: number): number {
  const used = timer.elapsed_ms + (timer.running ? Math.max(0, nowMs - timer.started_at_ms) : 0);
  return timer.allowed_s * 1000 - used;
}

/** "07:59", or "-00:12" in overtime. */
export function clock(ms: number): string {
  const negative = ms < 0;
  const total = Math.floor(Math.abs(ms) / 1000) + (negative && Math.abs(ms) % 1000 ? 1 : 0);
  const mm = String(Math.floor(total / 60)).padStart(2, '0');
  const ss = String(total % 60).padStart(2, '0');
  return `${negative ? '-' : ''}${mm}:${ss}`;
}

/**
 * The server clock minus the browser's, from a message's send time and when it arrived: the
 * smallest difference seen is the best estimate (the others include transit time).
 */
export function nextOffset(current: number | null, sentAtMs: number, receivedAtMs: number): number {
  const sample = sentAtMs - receivedAtMs;
  return current === null ? sample : Math.max(current, sample);
}

/** A score as the hall reads it: two decimals at most, no trailing zeros ("44.5", "41"). */
export function score(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return String(Math.round(value * 100) / 100);
}

/** Dropped scores are struck through; recused and missing seats are dimmed. */
export function markClass(mark: SeatMark | null | undefined): string {
  if (mark === 'dropped_high' || mark === 'dropped_low') return 'dropped';
  if (mark === 'recused' || mark === 'missing' || mark === 'void') return 'absent';
  return '';
}

/** The judge's sheet total, as the server computes it: Σ 100 × (weight / Σ weights) × v / max. */
export function sheetTotal(criteria: SheetCriterion[], values: Record<string, number | null | undefined>): number {
  const totalWeight = criteria.reduce((sum, c) => sum + c.weight, 0);
  if (!totalWeight) return 0;
  return criteria
    .filter((c) => !c.pre_scored)
    .reduce((sum, c) => sum + (100 * (c.weight / totalWeight) * (values[c.key] ?? 0)) / c.max, 0);
}

/** The first problem of a sheet (a value missing or out of range or with more than two decimals), or null. */
export function sheetProblem(criteria: SheetCriterion[], values: Record<string, number | null | undefined>): { key: string; kind: 'missing' | 'range' | 'decimals' } | null {
  for (const c of criteria) {
    if (c.pre_scored) continue;
    const v = values[c.key];
    if (v === null || v === undefined || Number.isNaN(v)) return { key: c.key, kind: 'missing' };
    if (v < c.min || v > c.max) return { key: c.key, kind: 'range' };
    if (Math.abs(v * 100 - Math.round(v * 100)) > 1e-6) return { key: c.key, kind: 'decimals' };
  }
  return null;
}

/**
 * The idempotency key of one sheet (contest, seat, contestant): made once and kept in `storage`,
 * so that a retry — after a timeout, a reload or a lost answer — is the same submission.
 */
export function submissionKey(storage: Pick<Storage, 'getItem' | 'setItem'> | null, contest: number, seat: number, contestant: number, round: number): string {
  const name = `lingyan.arena.key.${contest}.${seat}.${round}.${contestant}`;
  const saved = storage?.getItem(name);
  if (saved) return saved;
  const random = Array.from({ length: 4 }, () => Math.floor(Math.random() * 0x100000000).toString(36)).join('');
  const key = `${seat}-${contestant}-${random}`;
  try {
    storage?.setItem(name, key);
  } catch {
    // storage full or disabled: the key still holds for this page's retries
  }
  return key;
}
