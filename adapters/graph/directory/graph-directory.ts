import type { User } from '@microsoft/microsoft-graph-types';
import type { Directory, Person } from '../../../core/ports/directory';
import { GraphRequestError, graphErrorFrom } from '../client/graph-error';
import type { GraphPrincipals } from '../client/graph-principals';

const SELECT = '$select=id,displayName,mail,userPrincipalName,jobTitle';

/**
 * People from Entra ID, read as the signed-in user (User.Read + User.ReadBasic.All, both delegated: enough
 * for profiles, managers and direct reports, and no application permission to read the whole directory).
 */
export class GraphDirectory implements Directory {
  /**
   * Names and titles for a few minutes: every agenda shows both people, and a basic profile is readable by
   * everyone in the tenant (User.ReadBasic.All), so sharing it between callers reveals nothing.
   */
  private readonly people = new Map<string, { person: Promise<Person | undefined>; until: number }>();

  constructor(
    private readonly principals: GraphPrincipals,
    private readonly cacheMs = 5 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  async getPerson(id: string): Promise<Person | undefined> {
    const cached = this.people.get(id);
    if (cached && cached.until > this.now()) return cached.person;
    const person = this.one(`/users/${encodeURIComponent(id)}?${SELECT}`);
    if (this.people.size > 10_000) this.people.clear();
    this.people.set(id, { person, until: this.now() + this.cacheMs });
    person.catch(() => this.people.delete(id));
    return person;
  }

  async getManager(id: string): Promise<Person | undefined> {
    return this.one(`/users/${encodeURIComponent(id)}/manager?${SELECT}`);
  }

  async getDirectReports(id: string): Promise<Person[]> {
    try {
      const users = await this.graph().all<User>(`/users/${encodeURIComponent(id)}/directReports?${SELECT}`);
      return users.filter((u) => u.id).map(toPerson);
    } catch (error) {
      // Someone Entra ID does not know has no reports (Graph answers 404), as in the demo directory.
      if (error instanceof GraphRequestError && error.status === 404) return [];
      throw error;
    }
  }

  private async one(path: string): Promise<Person | undefined> {
    const answer = await this.graph().send({ method: 'GET', path });
    if (answer.status === 404) return undefined;
    if (answer.status >= 300) throw graphErrorFrom(answer.status, answer.headers, answer.text, 'GET', path);
    return toPerson(JSON.parse(answer.text) as User);
  }

  private graph() {
    const userId = this.principals.currentUser();
    if (!userId) throw new Error('the Graph directory is read while serving a signed-in user');
    return this.principals.asUser(userId);
  }
}

function toPerson(user: User): Person {
  return {
    id: user.id!,
    displayName: user.displayName ?? user.userPrincipalName ?? user.id!,
    ...((user.mail ?? user.userPrincipalName) && { email: (user.mail ?? user.userPrincipalName)! }),
    ...(user.jobTitle && { jobTitle: user.jobTitle }),
  };
}
