import { M365_PEOPLE } from '../../support/m365';
import { jsonOf } from '../../support/tandem-client';
import { createWeeklyPair, januarySessions, useM365 } from './m365-suite';

const suite = useM365();

function tasksOf(userId: string) {
  return [...(suite.m365.graph.todo.get(userId)?.values() ?? [])].flatMap((l) => [...l.tasks.values()]);
}

describe("action items mirrored to the owner's Microsoft To Do", () => {
  it('creates the task when the owner adds the item, and completes it when they mark it done', async () => {
    const pairId = await createWeeklyPair(suite);
    const [session] = await januarySessions(suite, pairId);
    const added = await suite.blake.request('POST', `/api/pairs/${pairId}/action-items`, {
      body: { text: 'Draft the hiring plan', ownerId: M365_PEOPLE.blake.id, due: '2030-01-20', sessionId: session!.id },
    });
    expect(added.status).toBe(201);
    expect(tasksOf(M365_PEOPLE.blake.id)).toEqual([
      expect.objectContaining({ title: 'Draft the hiring plan', status: 'notStarted' }),
    ]);

    const item = jsonOf<{ id: string; rev: number }>(added);
    const done = await suite.blake.request('PATCH', `/api/pairs/${pairId}/action-items/${item.id}`, {
      body: { rev: item.rev, status: 'done' },
    });

    expect(done.status).toBe(200);
    expect(tasksOf(M365_PEOPLE.blake.id)).toEqual([
      expect.objectContaining({ title: 'Draft the hiring plan', status: 'completed' }),
    ]);
    const lists = [...suite.m365.graph.todo.get(M365_PEOPLE.blake.id)!.values()].map((l) => l.displayName);
    expect(lists).toEqual(['Tandem 1:1s']);
  });

  it("never writes into someone else's list", async () => {
    const pairId = await createWeeklyPair(suite);
    const [session] = await januarySessions(suite, pairId);
    const before = tasksOf(M365_PEOPLE.blake.id).length;

    const added = await suite.avery.request('POST', `/api/pairs/${pairId}/action-items`, {
      body: { text: 'Given by Avery', ownerId: M365_PEOPLE.blake.id, due: '2030-01-20', sessionId: session!.id },
    });

    expect(added.status).toBe(201);
    expect(tasksOf(M365_PEOPLE.blake.id)).toHaveLength(before);
    expect(tasksOf(M365_PEOPLE.avery.id)).toEqual([]);
  });
});
