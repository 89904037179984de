/**
 * A promise whose outcome, once it is known, can be read during a render: a view given one that has already
 * settled shows its result in its first render instead of a spinner and a second render a tick later.
 */
export class TrackedPromise<T> {
  private known: { readonly value: T } | { readonly error: unknown } | undefined;

  constructor(readonly promise: Promise<T>) {
    promise.then(
      (value) => (this.known = { value }),
      (error: unknown) => (this.known = { error }),
    );
  }

  /** Undefined until the promise has settled. */
  get outcome(): { readonly value: T } | { readonly error: unknown } | undefined {
    return this.known;
  }
}
