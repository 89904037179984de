import type { Directory, Person } from '../../core/ports/directory';

/**
 * The behaviour every Directory adapter must have (the demo organisation, Entra ID through Graph). The suite
 * names the organisation; `makeDirectory` gives a directory holding exactly these people:
 *
 *   describeDirectoryContract('demo directory', async (people) => ({ directory: new DemoDirectory(…), signIn }));
 *
 * `signIn` makes the following reads run as that person (Graph reads the directory as the signed-in user).
 */
export interface ContractPerson extends Person {
  readonly managerId?: string;
}

export interface ContractDirectory {
  readonly directory: Directory;
  signIn(userId: string): void;
  cleanup?(): Promise<void>;
}

const MANAGER: ContractPerson = {
  id: 'm-1',
  displayName: 'Morgan Lead',
  email: 'morgan@contract.test',
  jobTitle: 'Engineering Manager',
};
const REPORT: ContractPerson = {
  id: 'r-1',
  displayName: 'Riley Report',
  email: 'riley@contract.test',
  managerId: 'm-1',
};
const REPORT_2: ContractPerson = {
  id: 'r-2',
  displayName: 'Sam Report',
  email: 'sam@contract.test',
  jobTitle: 'Designer',
  managerId: 'm-1',
};
const OUTSIDER: ContractPerson = { id: 'o-1', displayName: 'Oakley Else', email: 'oakley@contract.test' };

export const CONTRACT_PEOPLE: readonly ContractPerson[] = [MANAGER, REPORT, REPORT_2, OUTSIDER];

const publicPerson = ({ managerId: _managerId, ...person }: ContractPerson): Person => person;

export function describeDirectoryContract(
  adapterName: string,
  makeDirectory: (people: readonly ContractPerson[]) => Promise<ContractDirectory>,
): void {
  describe(`Directory contract: ${adapterName}`, () => {
    let current: ContractDirectory;
    let directory: Directory;

    beforeEach(async () => {
      current = await makeDirectory(CONTRACT_PEOPLE);
      directory = current.directory;
      current.signIn(REPORT.id);
    });

    afterEach(async () => {
      await current.cleanup?.();
    });

    it('knows the signed-in person and anyone else in the organisation, with a title only where there is one', async () => {
      await expect(directory.getPerson(REPORT.id)).resolves.toEqual(publicPerson(REPORT));
      await expect(directory.getPerson(MANAGER.id)).resolves.toEqual(publicPerson(MANAGER));
      await expect(directory.getPerson(OUTSIDER.id)).resolves.toEqual(publicPerson(OUTSIDER));
    });

    it("answers a person's manager, and none for someone at the top", async () => {
      await expect(directory.getManager(REPORT.id)).resolves.toEqual(publicPerson(MANAGER));
      await expect(directory.getManager(MANAGER.id)).resolves.toBeUndefined();
    });

    it("answers a manager's direct reports, and none for someone without any", async () => {
      current.signIn(MANAGER.id);

      const reports = await directory.getDirectReports(MANAGER.id);

      expect([...reports].sort((a, b) => a.id.localeCompare(b.id))).toEqual([REPORT, REPORT_2].map(publicPerson));
      await expect(directory.getDirectReports(REPORT.id)).resolves.toEqual([]);
    });

    it('knows nobody outside the organisation: no person, no manager, no reports', async () => {
      await expect(directory.getPerson('nobody')).resolves.toBeUndefined();
      await expect(directory.getManager('nobody')).resolves.toBeUndefined();
      await expect(directory.getDirectReports('nobody')).resolves.toEqual([]);
    });
  });
}
