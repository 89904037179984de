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
  constructor(
    private readonly table: Readonly<Record<string, string>>,
    private readonly aadIsTandemId: boolean,
  ) {}

  tandemUserOf(account: { readonly id: string; readonly aadObjectId?: string }): string | undefined {
    const mapped = (account.aadObjectId && this.table[account.aadObjectId]) || this.table[account.id];
    if (mapped) return mapped;
    return this.aadIsTandemId ? account.aadObjectId : undefined;
  }
}
