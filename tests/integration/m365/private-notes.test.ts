import { M365_PEOPLE } from '../../support/m365';
import { createWeeklyPair, januarySessions, useM365 } from './m365-suite';
import { jsonOf, type AgendaBody } from '../../support/tandem-client';

const suite = useM365();
let pairId: string;
let sessionId: string;

beforeAll(async () => {
  pairId = await createWeeklyPair(suite);
  sessionId = (await januarySessions(suite, pairId))[0]!.id;
});

describe('private notes in Microsoft 365 mode', () => {
  it("live in the author's own OneDrive app folder, written with the author's delegated token", async () => {
    const mark = suite.m365.graph.requests.length;
    const added = await suite.blake.request('POST', `/api/pairs/${pairId}/sessions/${sessionId}/notes`, {
      body: { text: 'ask about the promotion', private: true },
    });
    expect(added.status).toBe(201);

    const blakeFiles = [...suite.m365.graph.drives.get(`me-${M365_PEOPLE.blake.id}`)!.files()];
    const noteFile = blakeFiles.find(([, content]) => content.includes('ask about the promotion'));
    expect(noteFile?.[0]).toMatch(/^Apps\/Tandem\//);
    const writes = suite.m365.graph.since(mark).filter((r) => r.method === 'PUT');
    // Addressed by path below the signed-in user's app folder: whose folder is decided by the token alone.
    const own = writes.filter((w) => w.path.startsWith('/v1.0/me/drive/special/approot:/'));
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((w) => w.principal === M365_PEOPLE.blake.id)).toBe(true);

    // Nothing of it in the shared library.
    const shared = [...suite.m365.graph.drives.get(suite.m365.driveId)!.files().values()];
    expect(shared.length).toBeGreaterThan(0);
    expect(shared.join('\n')).not.toContain('promotion');
  });

  it('shows the note to its author only', async () => {
    const mine = jsonOf<AgendaBody>(await suite.blake.request('GET', `/api/pairs/${pairId}/sessions/${sessionId}`));
    const theirs = jsonOf<AgendaBody>(await suite.avery.request('GET', `/api/pairs/${pairId}/sessions/${sessionId}`));

    expect(mine.privateNotes.map((n) => n.text)).toEqual(['ask about the promotion']);
    expect(theirs.privateNotes).toEqual([]);
  });
});
