import { GraphDirectory } from '../../../adapters/graph/directory/graph-directory';
import { TokenGraphPrincipals, type CurrentCaller } from '../../../adapters/graph/client/graph-principals';
import { describeDirectoryContract } from '../../contracts/directory-contract';
import { unsignedToken } from '../../graph-emulator/emulator-tokens';
import { GraphEmulator } from '../../graph-emulator/graph-emulator';

let emulator: GraphEmulator | undefined;

afterEach(() => {
  expect(emulator?.violations).toEqual([]);
});

describeDirectoryContract('Graph directory (emulator)', async (people) => {
  emulator = await GraphEmulator.start(
    people.map(({ id, displayName, email, jobTitle, managerId }) => ({
      id,
      displayName,
      mail: email!,
      ...(jobTitle && { jobTitle }),
      ...(managerId && { managerId }),
    })),
  );
  // One person a page, so direct reports come back over several pages.
  emulator.pageSize = 1;
  let caller: CurrentCaller | undefined;
  const principals = new TokenGraphPrincipals({
    baseUrl: emulator.url,
    tokens: {
      appToken: async () => unsignedToken({ roles: [] }),
      onBehalfOf: async () => unsignedToken({ oid: caller!.userId, scp: 'User.Read User.ReadBasic.All' }),
    },
    currentCaller: () => caller,
  });
  const running = emulator;
  return {
    // No cache: every read goes to Graph.
    directory: new GraphDirectory(principals, 0),
    signIn: (userId) => {
      caller = { userId, assertion: `token-of-${userId}` };
    },
    cleanup: () => running.close(),
  };
});
