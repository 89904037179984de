import type { GraphAnswer, GraphApi, GraphCall } from '../client/graph-http';
import type { GraphPrincipals } from '../client/graph-principals';
import { GraphDirectory } from './graph-directory';

function fakeGraph(calls: GraphCall[]): GraphApi {
  const answer = (status: number, body: unknown): GraphAnswer => ({
    status,
    headers: new Headers(),
    text: JSON.stringify(body),
  });
  return {
    send: async (call) => {
      calls.push(call);
      return call.path.startsWith('/users/nobody')
        ? answer(404, { error: { code: 'Request_ResourceNotFound' } })
        : answer(200, { id: 'u1', displayName: 'Avery', mail: 'avery@contoso.test' });
    },
    json: async () => undefined as never,
    all: async () => [],
    batch: async () => new Map(),
  };
}

describe('GraphDirectory', () => {
  const calls: GraphCall[] = [];
  let now = 0;
  const principals: GraphPrincipals = {
    asUser: () => fakeGraph(calls),
    asApp: () => fakeGraph(calls),
    currentUser: () => 'caller',
  };
  const directory = new GraphDirectory(principals, 1000, () => now);

  it('reads a person once and serves repeats from a short cache', async () => {
    expect(await directory.getPerson('u1')).toEqual({ id: 'u1', displayName: 'Avery', email: 'avery@contoso.test' });
    await directory.getPerson('u1');
    expect(calls).toHaveLength(1);

    now = 2000;
    await directory.getPerson('u1');
    expect(calls).toHaveLength(2);
  });

  it('answers undefined for someone Graph does not know', async () => {
    await expect(directory.getPerson('nobody')).resolves.toBeUndefined();
  });

  it('is read only while serving a signed-in user', async () => {
    const outside = new GraphDirectory({ ...principals, currentUser: () => undefined });
    await expect(outside.getPerson('u2')).rejects.toThrow(/signed-in user/);
  });
});
