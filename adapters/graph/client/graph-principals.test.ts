import { GraphPersonalDocumentStores } from '../storage/graph-personal-document-stores';
import { NotServingUserError, TokenGraphPrincipals, type CurrentCaller } from './graph-principals';

describe('TokenGraphPrincipals', () => {
  let caller: CurrentCaller | undefined;
  const obo: string[] = [];
  const principals = new TokenGraphPrincipals({
    baseUrl: 'https://graph.example',
    tokens: {
      appToken: async () => 'app',
      onBehalfOf: async (assertion) => {
        obo.push(assertion);
        return 'user';
      },
    },
    currentCaller: () => caller,
  });

  it('acts as a user only while serving a request by that user', () => {
    caller = { userId: 'avery', assertion: 'token-of-avery' };

    expect(() => principals.asUser('avery')).not.toThrow();
    expect(() => principals.asUser('blake')).toThrow(NotServingUserError);
    caller = undefined;
    expect(() => principals.asUser('avery')).toThrow(NotServingUserError);
  });

  it("gives a user's private store only to that user, and checks again on every call", async () => {
    const stores = new GraphPersonalDocumentStores(principals);
    caller = { userId: 'avery', assertion: 'token-of-avery' };
    const store = stores.forUser('avery');

    expect(() => stores.forUser('blake')).toThrow(NotServingUserError);
    caller = { userId: 'blake', assertion: 'token-of-blake' };
    await expect(store.get('notes/n')).rejects.toThrow(NotServingUserError);
  });
});
