import type { Directory, Person } from '../../core/ports/directory';

interface DemoPerson extends Person {
  readonly managerId?: string;
}

/**
 * The seeded demo organisation of the embedded mode: Avery manages Blake, Casey and Emery (three reports, so
 * pooled views reach their minimum number of raters); Devon is elsewhere.
 */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { id: 'avery', displayName: 'Avery Chen', email: 'avery@tandem.example', jobTitle: 'Engineering Manager' },
  {
    id: 'blake',
    displayName: 'Blake Diaz',
    email: 'blake@tandem.example',
    jobTitle: 'Software Engineer',
    managerId: 'avery',
  },
  {
    id: 'casey',
    displayName: 'Casey Ng',
    email: 'casey@tandem.example',
    jobTitle: 'Software Engineer',
    managerId: 'avery',
  },
  {
    id: 'emery',
    displayName: 'Emery Ruiz',
    email: 'emery@tandem.example',
    jobTitle: 'Site Reliability Engineer',
    managerId: 'avery',
  },
  { id: 'devon', displayName: 'Devon Park', email: 'devon@tandem.example', jobTitle: 'Product Designer' },
];

function publicPerson({ managerId: _managerId, ...person }: DemoPerson): Person {
  return person;
}

export class DemoDirectory implements Directory {
  private people: DemoPerson[];

  constructor(people: readonly DemoPerson[] = DEMO_PEOPLE) {
    this.people = [...people];
  }

  /**
   * The demo's (and tests') way to say what Entra ID would: someone moved to a new manager (undefined: no
   * manager any more). Tandem notices on its next reconciliation (docs/pair-lifecycle.md).
   */
  setManager(id: string, managerId: string | undefined): void {
    this.people = this.people.map((p) => {
      if (p.id !== id) return p;
      const { managerId: _old, ...rest } = p;
      return managerId === undefined ? rest : { ...rest, managerId };
    });
  }

  /** Someone left the organisation: the directory no longer knows them. */
  remove(id: string): void {
    this.people = this.people.filter((p) => p.id !== id);
  }

  async getPerson(id: string): Promise<Person | undefined> {
    const person = this.people.find((p) => p.id === id);
    return person && publicPerson(person);
  }

  async getManager(id: string): Promise<Person | undefined> {
    const managerId = this.people.find((p) => p.id === id)?.managerId;
    return managerId === undefined ? undefined : this.getPerson(managerId);
  }

  async getDirectReports(id: string): Promise<Person[]> {
    return this.people.filter((p) => p.managerId === id).map(publicPerson);
  }
}
