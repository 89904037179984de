import { FixedClock } from '../../core/clock';
import { MemoryDocumentStore } from '../../adapters/memory/memory-document-store';
import type { JobDocument, JobExecutor, JobPlan, JobSpec } from '../../core/ports/jobs';
import { NotInstalledError, ThrottledError } from '../../core/ports/messenger';
import { JobRunner } from './job-runner';
import { jobKeys, JobStore } from './job-store';
import { Lease } from './lease';
import { RateLimiter } from './rate-limiter';

const T0 = new Date('2026-11-23T09:00:00Z');

/** Sends to `thread-<payload.to>`, recording each send; failures are scripted per job key. */
class FakeExecutor implements JobExecutor {
  readonly sent: Array<{ key: string; at: string }> = [];
  readonly failures = new Map<string, Error[]>();
  installed = false;
  constructor(private readonly clock: FixedClock) {}

  async plan(job: JobDocument): Promise<JobPlan> {
    if (job.kind === 'skip') return { type: 'skip', reason: 'nothing to say' };
    if (job.kind === 'later' && job.payload.start !== 'moved') {
      const until = new Date(Date.parse(job.dueAt) + 3_600_000).toISOString();
      return { type: 'wait', reason: 'the meeting moved later', until, payload: { ...job.payload, start: 'moved' } };
    }
    if (job.kind === 'wait' && !this.installed) {
      return { type: 'wait', reason: 'not installed: personal chat', keepUntil: job.payload.keepUntil! };
    }
    if (job.kind === 'fan') {
      return {
        type: 'fan-out',
        jobs: ['x', 'y'].map((to) => ({ key: `${job.key}.${to}`, kind: 'msg', dueAt: job.dueAt, payload: { to } })),
      };
    }
    return {
      type: 'send',
      thread: `thread-${job.payload.to ?? job.key}`,
      send: async () => {
        const failure = this.failures.get(job.key)?.shift();
        if (failure) throw failure;
        this.sent.push({ key: job.key, at: this.clock.now().toISOString() });
        return `activity-${this.sent.length}`;
      },
    };
  }
}

const quiet = { info: () => undefined, warn: jest.fn(), error: jest.fn() };

function setup(store = new MemoryDocumentStore(), clock = new FixedClock(T0), holder = 'one') {
  const executor = new FakeExecutor(clock);
  const jobs = new JobStore(store);
  const runner = new JobRunner({
    jobs,
    lease: new Lease(store, 'jobs/lease', holder, 30_000, clock),
    executor,
    limiter: new RateLimiter(),
    clock,
    logger: quiet,
    pollMs: 1000,
    random: () => 0.5,
  });
  return { store, clock, executor, jobs, runner };
}

const job = (key: string, dueAt: Date, payload: Record<string, string> = {}, kind = 'msg'): JobSpec => ({
  key,
  kind,
  dueAt: dueAt.toISOString(),
  payload,
});

/** Lets pending promises run until the condition holds. */
async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

describe('JobRunner', () => {
  it('sends a job when it is due, not before, and only once', async () => {
    const { clock, executor, runner, jobs } = setup();
    await runner.enqueue(job('j1', new Date(T0.getTime() + 60_000)));

    expect(await runner.tick()).toBe(T0.getTime() + 1000); // nothing due within the poll interval
    expect(executor.sent).toEqual([]);
    clock.advance(60_000);
    await runner.tick();
    await runner.tick();

    expect(executor.sent.map((s) => s.key)).toEqual(['j1']);
    expect(await jobs.mark('j1')).toMatchObject({ outcome: 'sent', activityId: 'activity-1' });
    expect(await runner.enqueue(job('j1', T0))).toBe(false); // replanning a done job does nothing
  });

  it('neither loses nor repeats across a graceful restart', async () => {
    const first = setup();
    await first.runner.enqueue(job('a', T0));
    await first.runner.enqueue(job('b', new Date(T0.getTime() + 5_000)));
    await first.runner.tick();
    await first.runner.stop();

    const second = setup(first.store, first.clock, 'two');
    second.clock.advance(5_000);
    await second.runner.tick();
    await second.runner.tick();

    expect([...first.executor.sent, ...second.executor.sent].map((s) => s.key)).toEqual(['a', 'b']);
  });

  it('sees a job enqueued while it was reading the pending list, at the next tick', async () => {
    // The pending list is read, then held until the enqueue below has finished.
    let hold: (() => void) | undefined;
    class HeldListStore extends MemoryDocumentStore {
      override async list(prefix: string): Promise<string[]> {
        const keys = await super.list(prefix);
        if (hold === undefined && prefix === jobKeys.pending) await new Promise<void>((resolve) => (hold = resolve));
        return keys;
      }
    }
    const { runner, executor } = setup(new HeldListStore());
    const ticking = runner.tick();
    await waitUntil(() => hold !== undefined);
    await runner.enqueue(job('a', T0));
    hold!();
    await ticking;
    await runner.tick(); // the clock has not moved: no periodic rescan would find it

    expect(executor.sent.map((s) => s.key)).toEqual(['a']);
  });

  it('tells when a whole tick has run after the question, so a simulated clock needs no real-time wait', async () => {
    const { runner, executor, clock } = setup();
    runner.start();
    try {
      await runner.enqueue(job('later', new Date(T0.getTime() + 3_600_000)));
      await runner.nextTick();
      expect(executor.sent).toEqual([]);
      clock.advance(3_600_000);
      await runner.nextTick();
      expect(executor.sent.map((s) => s.key)).toEqual(['later']);
    } finally {
      await runner.stop();
    }
  });

  it('lets only the lease holder send', async () => {
    const first = setup();
    const second = setup(first.store, first.clock, 'two');
    await first.runner.tick(); // takes the lease
    await first.runner.enqueue(job('a', T0));
    await second.runner.tick();
    await first.runner.tick();

    expect(second.executor.sent).toEqual([]);
    expect(first.executor.sent.map((s) => s.key)).toEqual(['a']);
  });

  it('sends again a job a crashed holder left mid-send (the documented at-least-once window)', async () => {
    const first = setup();
    await first.runner.enqueue(job('a', T0));
    const [doc] = await first.jobs.pending();
    await first.jobs.replace(doc!, { ...doc!.body, state: 'sending', sendingSince: T0.toISOString(), holder: 'dead' });

    const next = setup(first.store, first.clock, 'two');
    await next.runner.tick();
    expect(next.executor.sent.map((s) => s.key)).toEqual(['a']);
  });

  it('does not resend a job whose holder crashed after the mark and before removing it', async () => {
    const first = setup();
    await first.runner.enqueue(job('a', T0));
    await first.store.put(jobKeys.mark('a'), {
      schema: 1,
      key: 'a',
      kind: 'msg',
      outcome: 'sent',
      at: T0.toISOString(),
    });

    const next = setup(first.store, first.clock, 'two');
    await next.runner.tick();
    expect(next.executor.sent).toEqual([]);
    expect(await next.jobs.pending()).toEqual([]);
  });

  it('stops on 403 with a clear log line and never retries', async () => {
    const { clock, executor, runner, jobs } = setup();
    executor.failures.set('a', [new NotInstalledError('403')]);
    await runner.enqueue(job('a', T0));
    await runner.tick();
    clock.advance(3_600_000);
    await runner.tick();

    expect(executor.sent).toEqual([]);
    expect(await jobs.mark('a')).toMatchObject({ outcome: 'skipped', reason: 'not installed' });
    expect(quiet.warn).toHaveBeenCalledWith(
      expect.objectContaining({ job: 'a' }),
      expect.stringMatching(/not installed/),
    );
  });

  it('waits for Retry-After on 429, then sends', async () => {
    const { clock, executor, runner } = setup();
    executor.failures.set('a', [new ThrottledError(10_000)]);
    await runner.enqueue(job('a', T0));
    await runner.tick();
    clock.advance(9_000);
    await runner.tick();
    expect(executor.sent).toEqual([]);
    clock.advance(1_000);
    await runner.tick();
    expect(executor.sent.map((s) => s.at)).toEqual(['2026-11-23T09:00:10.000Z']);
  });

  it('retries other failures with backoff and gives up after the maximum attempts', async () => {
    const { clock, executor, runner, jobs } = setup();
    executor.failures.set(
      'a',
      Array.from({ length: 8 }, () => new Error('boom')),
    );
    await runner.enqueue(job('a', T0));
    for (let i = 0; i < 20; i++) {
      await runner.tick();
      clock.advance(20 * 60_000);
    }
    expect(executor.sent).toEqual([]);
    expect(await jobs.mark('a')).toMatchObject({ outcome: 'failed' });
  });

  it('fans a job out into one job per conversation and sends each once', async () => {
    const { executor, runner, jobs } = setup();
    await runner.enqueue(job('r', T0, {}, 'fan'));
    await runner.tick();
    await runner.tick();
    await runner.tick();
    expect(executor.sent.map((s) => s.key).sort()).toEqual(['r.x', 'r.y']);
    expect(await jobs.pending()).toEqual([]);
  });

  it('keeps to the per-thread limit on the simulated clock', async () => {
    const { clock, executor, runner } = setup();
    for (let i = 0; i < 9; i++) await runner.enqueue(job(`m${i}`, T0, { to: 'same' }));
    let wake = await runner.tick();
    while (executor.sent.length < 9) {
      clock.set(new Date(wake));
      wake = await runner.tick();
    }
    const seconds = executor.sent.map((s) => (Date.parse(s.at) - T0.getTime()) / 1000);
    expect(seconds).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 2]);
  });

  it('brings a job forward but never later', async () => {
    const { runner, jobs } = setup();
    await runner.enqueue(job('r', new Date(T0.getTime() + 3_600_000)));
    await runner.bringForward('r', new Date(T0.getTime() + 7_200_000).toISOString());
    expect((await jobs.pending())[0]?.body.dueAt).toBe('2026-11-23T10:00:00.000Z');
    await runner.bringForward('r', T0.toISOString());
    expect((await jobs.pending())[0]?.body.dueAt).toBe(T0.toISOString());
  });

  it('brings a pending job forward when it is planned earlier (its meeting moved earlier)', async () => {
    const { runner, jobs } = setup();
    await runner.enqueue(job('p', new Date(T0.getTime() + 7 * 86_400_000)));
    await runner.tick();
    expect(await runner.enqueue(job('p', new Date(T0.getTime() + 60_000)))).toBe(false);
    expect((await jobs.pending())[0]?.body.dueAt).toBe(new Date(T0.getTime() + 60_000).toISOString());
  });

  it('keeps a job with nowhere to go until the bot is installed, and drops it once stale, saying so', async () => {
    const { clock, executor, runner, jobs } = setup();
    const keepUntil = new Date(T0.getTime() + 3_600_000).toISOString();
    await runner.enqueue(job('kept', T0, { keepUntil }, 'wait'));
    await runner.enqueue(job('also-kept', T0, { keepUntil }, 'wait'));
    await runner.tick();
    expect(await jobs.isDone('kept')).toBe(false);

    executor.installed = true;
    await runner.enqueue(job('late', new Date(T0.getTime() + 3_600_000), { keepUntil }, 'wait'));
    clock.advance(10 * 60_000);
    await runner.tick();
    expect(executor.sent.map((s) => s.key).sort()).toEqual(['also-kept', 'kept']);

    executor.installed = false;
    clock.set(new Date(T0.getTime() + 3_600_000));
    await runner.tick();
    expect(await jobs.mark('late')).toMatchObject({
      outcome: 'skipped',
      reason: expect.stringContaining('kept until'),
    });
  });

  it('lets a job wait when its meeting moved later, and sends it at the new time', async () => {
    const { clock, executor, runner, jobs } = setup();
    await runner.enqueue(job('m', T0, { start: 'planned' }, 'later'));
    await runner.tick();
    expect(executor.sent).toEqual([]);
    expect((await jobs.pending())[0]?.body).toMatchObject({
      dueAt: '2026-11-23T10:00:00.000Z',
      payload: { start: 'moved' },
    });
    clock.advance(3_600_000);
    await runner.tick();
    expect(executor.sent.map((s) => s.key)).toEqual(['m']);
  });
});
