import { KeyedMutex } from './keyed-mutex';

const tick = (ms = 1): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('KeyedMutex', () => {
  it('runs tasks under the same key one at a time, in arrival order', async () => {
    const mutex = new KeyedMutex();
    const events: string[] = [];
    let running = 0;
    let maxRunning = 0;
    const task = (name: string) => async (): Promise<string> => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      events.push(`start ${name}`);
      await tick(Math.random() * 5);
      events.push(`end ${name}`);
      running -= 1;
      return name;
    };

    const results = await Promise.all(['a', 'b', 'c', 'd'].map((name) => mutex.run('k', task(name))));

    expect(results).toEqual(['a', 'b', 'c', 'd']);
    expect(maxRunning).toBe(1);
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c', 'start d', 'end d']);
  });

  it('runs tasks under different keys concurrently', async () => {
    const mutex = new KeyedMutex();
    let running = 0;
    let maxRunning = 0;
    const task = async (): Promise<void> => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      await tick(5);
      running -= 1;
    };

    await Promise.all([mutex.run('a', task), mutex.run('b', task), mutex.run('c', task)]);

    expect(maxRunning).toBe(3);
  });

  it('releases the key when a task fails and passes the error to its caller', async () => {
    const mutex = new KeyedMutex();
    const failing = mutex.run('k', async () => {
      await tick();
      throw new Error('boom');
    });
    const next = mutex.run('k', async () => 'after');

    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('after');
  });

  it('releases the key when a task throws synchronously', async () => {
    const mutex = new KeyedMutex();
    const failing = mutex.run('k', () => {
      throw new Error('sync boom');
    });

    await expect(failing).rejects.toThrow('sync boom');
    await expect(mutex.run('k', async () => 'after')).resolves.toBe('after');
  });

  it('forgets keys once their queue is empty', async () => {
    const mutex = new KeyedMutex();
    const pending = Promise.all([
      mutex.run('a', () => tick()),
      mutex.run('a', () => tick()),
      mutex.run('b', () => tick()),
    ]);
    expect(mutex.activeKeys).toBe(2);

    await pending;

    expect(mutex.activeKeys).toBe(0);
  });
});
