import type { UserId } from '../model/documents';

export interface Person {
  readonly id: UserId;
  readonly displayName: string;
  readonly email?: string;
  readonly jobTitle?: string;
}

/**
 * Who people are and who reports to whom: the demo organisation or Entra ID through Graph. Someone the
 * directory does not know has no profile, no manager and no reports (undefined, undefined, []). Both adapters
 * pass the contract suite in tests/contracts/directory-contract.ts.
 */
export interface Directory {
  getPerson(id: UserId): Promise<Person | undefined>;
  getManager(id: UserId): Promise<Person | undefined>;
  getDirectReports(id: UserId): Promise<Person[]>;
}
