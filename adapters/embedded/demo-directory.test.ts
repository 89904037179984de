import { describeDirectoryContract } from '../../tests/contracts/directory-contract';
import { DEMO_PEOPLE, DemoDirectory } from './demo-directory';

describeDirectoryContract('demo directory', async (people) => ({
  directory: new DemoDirectory(people),
  // Embedded mode shows the same organisation to everyone.
  signIn: () => undefined,
}));

describe('DemoDirectory', () => {
  it('holds the demo organisation by default: Avery manages Blake, Casey and Emery', async () => {
    const directory = new DemoDirectory();

    expect((await directory.getDirectReports('avery')).map((p) => p.id)).toEqual(['blake', 'casey', 'emery']);
    expect(await directory.getManager('devon')).toBeUndefined();
    expect(DEMO_PEOPLE.map((p) => p.id)).toEqual(['avery', 'blake', 'casey', 'emery', 'devon']);
  });
});
