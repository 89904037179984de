import type { UserId } from '../model/documents';

export interface Person {
  readonly id: UserId;
  readonly displayName: string;
  readonly email?: string;
  readonly jobTitle?: string;
}

/** Who people are and who reports to whom: the demo organisation or Entra ID through Graph. */
export interface Directory {
  getPerson(id: UserId): Promise<Person | undefined>;
  getManager(id: UserId): Promise<Person | undefined>;
  getDirectReports(id: UserId): Promise<Person[]>;
}
