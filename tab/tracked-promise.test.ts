import { TrackedPromise } from './tracked-promise';

describe('TrackedPromise', () => {
  it('has no outcome until the promise settles, then its value or its error', async () => {
    let resolve!: (value: number) => void;
    const fulfilled = new TrackedPromise(new Promise<number>((r) => (resolve = r)));
    const failure = new Error('no');
    const rejected = new TrackedPromise(Promise.reject(failure));
    expect(fulfilled.outcome).toBeUndefined();

    resolve(7);
    await fulfilled.promise;
    await rejected.promise.catch(() => undefined);

    expect(fulfilled.outcome).toEqual({ value: 7 });
    expect(rejected.outcome).toEqual({ error: failure });
  });
});
