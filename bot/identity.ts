/** Who a Teams account is in Tandem. */
export interface IdentityMap {
  tandemUserOf(account: { readonly id: string; readonly aadObjectId?: string }): string | undefined;
}

/**
 * Embedded mode: a configured table from Teams ids (the Agents Playground's user ids, or aadObjectIds) to
 * demo users. Microsoft 365 mode (no table entry): the aadObjectId is the Entra object id, which is the
 * Tandem user id.
 */
export class ConfiguredIdentities implements IdentityMap {
  /** A Map, not the object itself: a Teams id such as `constructor` must not find Object.prototype's. */
  private readonly table: ReadonlyMap<string, string>;

  constructor(
    table: Readonly<Record<string, string>>,
    private readonly aadIsTandemId: boolean,
  ) {
    this.table = new Map(Object.entries(table));
  }

  tandemUserOf(account: { readonly id: string; readonly aadObjectId?: string }): string | undefined {
    const mapped = (account.aadObjectId && this.table.get(account.aadObjectId)) || this.table.get(account.id);
    if (mapped) return mapped;
    return this.aadIsTandemId ? account.aadObjectId : undefined;
  }
}
