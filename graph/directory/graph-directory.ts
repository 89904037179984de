import type { User } from '@microsoft/microsoft-graph-types';
import type { Directory, Person } from '../../core/ports/directory';
import { graphErrorFrom } from '../client/graph-error';
import type { GraphPrincipals } from '../client/graph-principals';

const SELECT = '$select=id,displayName,mail,userPrincipalName,jobTitle';

/**
 * People from Entra ID, read as the signed-in user (User.Read + User.ReadBasic.All, both delegated: enough
 * for profiles, managers and direct reports, and no application permission to read the whole directory).
 */
export class GraphDirectory implements Directory {
  constructor(private readonly principals: GraphPrincipals) {}

  async getPerson(id: string): Promise<Person | undefined> {
    return this.one(`/users/${encodeURIComponent(id)}?${SELECT}`);
  }

  async getManager(id: string): Promise<Person | undefined> {
    return this.one(`/users/${encodeURIComponent(id)}/manager?${SELECT}`);
  }

  async getDirectReports(id: string): Promise<Person[]> {
    const users = await this.graph().all<User>(`/users/${encodeURIComponent(id)}/directReports?${SELECT}`);
    return users.filter((u) => u.id).map(toPerson);
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
