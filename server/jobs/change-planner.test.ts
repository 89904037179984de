import { FixedClock } from '../../core/clock';
import type { PlannedReminder, PlanWindow } from '../../core/model/reminders';
import { ChangePlanner, changesPlan, type PlanSource } from './change-planner';

const T0 = Date.parse('2026-03-02T08:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Pairs with one prompt each, due at a given time; counts what is read. */
class FakeSource implements PlanSource {
  readonly dueAt = new Map<string, number>();
  listed = 0;
  readsOf: string[] = [];
  failNext = false;

  async pairIds(): Promise<string[]> {
    this.listed++;
    return [...this.dueAt.keys()];
  }

  async planPairs(pairIds: readonly string[], w: Omit<PlanWindow, 'now'>): Promise<PlannedReminder[]> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('store unavailable');
    }
    this.readsOf.push(...pairIds);
    return pairIds
      .filter((id) => this.dueAt.has(id) && this.dueAt.get(id)! <= clock.now().getTime() + w.horizonMs)
      .map((id) => ({
        key: `prompt.${id}.${this.dueAt.get(id)}`,
        kind: 'prompt',
        dueAt: new Date(this.dueAt.get(id)!).toISOString(),
        payload: { pairId: id },
      }));
  }
}

let clock: FixedClock;

function planner(source: PlanSource) {
  return new ChangePlanner({ source, clock, horizonMs: 5 * MINUTE, lookbackMs: 2 * 24 * HOUR, recapGraceMs: 0 });
}

async function minuteLater(p: ChangePlanner): Promise<string[]> {
  clock.set(new Date(clock.now().getTime() + MINUTE));
  return (await p.due()).map((r) => r.key);
}

beforeEach(() => {
  clock = new FixedClock(new Date(T0));
});

describe('ChangePlanner', () => {
  it('reads every pair once, then reads nothing while nothing changes, handing each reminder over once', async () => {
    const source = new FakeSource();
    source.dueAt.set('a', T0 + 3 * MINUTE);
    source.dueAt.set('b', T0 + 30 * MINUTE);
    const p = planner(source);

    expect((await p.due()).map((r) => r.key)).toEqual([`prompt.a.${T0 + 3 * MINUTE}`]);
    expect(source.readsOf.sort()).toEqual(['a', 'b']);
    source.readsOf = [];
    const handed: string[] = [];
    for (let i = 0; i < 40; i++) handed.push(...(await minuteLater(p)));

    expect(handed).toEqual([`prompt.b.${T0 + 30 * MINUTE}`]);
    expect(source.readsOf).toEqual([]);
    expect(source.listed).toBe(1);
  });

  it('re-plans only the pair that changed', async () => {
    const source = new FakeSource();
    source.dueAt.set('a', T0 + 10 * HOUR);
    source.dueAt.set('b', T0 + 10 * HOUR);
    const p = planner(source);
    await p.due();
    source.readsOf = [];

    // The meeting of a moved earlier: its prompt is due in 2 minutes now.
    source.dueAt.set('a', T0 + 3 * MINUTE);
    p.changed('a');
    expect(await minuteLater(p)).toEqual([`prompt.a.${T0 + 3 * MINUTE}`]);
    expect(source.readsOf).toEqual(['a']);
    // Its old plan is forgotten: nothing is handed over at the old time.
    source.readsOf = [];
    const later: string[] = [];
    while (clock.now().getTime() < T0 + 10 * HOUR) later.push(...(await minuteLater(p)));
    expect(later).toEqual([`prompt.b.${T0 + 10 * HOUR}`]);
    expect(source.readsOf).toEqual([]);
  });

  it('reconciles daily and after a gap (the lease was elsewhere), and retries a failed re-plan', async () => {
    const source = new FakeSource();
    source.dueAt.set('a', T0 + 3 * 24 * HOUR);
    const p = planner(source);
    await p.due();
    expect(source.listed).toBe(1);

    clock.set(new Date(T0 + 24 * HOUR));
    await p.due();
    expect(source.listed).toBe(2);
    clock.set(new Date(T0 + 24 * HOUR + 30 * MINUTE));
    await p.due();
    expect(source.listed).toBe(3);

    source.readsOf = [];
    p.changed('a');
    source.failNext = true;
    await expect(minuteLater(p)).rejects.toThrow('store unavailable');
    await minuteLater(p);
    expect(source.readsOf).toEqual(['a']);
  });

  it('re-plans on changes that can move a reminder, not on notes or topics', () => {
    expect(['schedule', 'pair', 'actions', 'session-ended'].every(changesPlan)).toBe(true);
    expect(['topics', 'notes', 'private-notes', 'rating'].some(changesPlan)).toBe(false);
  });
});
