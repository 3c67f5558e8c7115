// The recommendation opens on the batch with work left: the first whose trainees are not all placed.
import { describe, expect, it } from 'vitest';
import { batchToPlace } from './program-context';

const batch = (id: number, people: number[]) => ({ id, name: `第${id}批`, start_date: '', end_date: '', trainees: people.map((p) => ({ person_id: p, name: '' })) });
const placed = (batchId: number, person: number) => ({ batch_id: batchId, person_id: person }) as never;

describe('batchToPlace', () => {
  it('picks the first batch with a trainee not yet placed', () => {
    const program = { batches: [batch(1, [10, 11]), batch(2, [20, 21])], placements: [placed(1, 10), placed(1, 11), placed(2, 20)] };
    expect(batchToPlace(program)).toBe(2);
  });
  it('counts a placement only in its own batch', () => {
    const program = { batches: [batch(1, [10]), batch(2, [10])], placements: [placed(2, 10)] };
    expect(batchToPlace(program)).toBe(1);
  });
  it('falls back to the first batch when everyone is placed, and to null without batches', () => {
    expect(batchToPlace({ batches: [batch(1, [10]), batch(2, [])], placements: [placed(1, 10)] })).toBe(1);
    expect(batchToPlace({ batches: [], placements: [] })).toBeNull();
  });
});
