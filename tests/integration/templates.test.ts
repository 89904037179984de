import { PAIR, sessionIdAt, sessionPath, startOfSession } from '../support/demo';
import { useDemoServer } from '../support/demo-server';
import { jsonOf, problemOf, type AgendaBody } from '../support/tandem-client';

jest.setTimeout(30_000);

interface TemplateBody {
  readonly template: { readonly sections: Array<{ id: string; title?: string }>; readonly deepDiveMinutes: number };
  readonly appliesAfter?: string;
  readonly canEdit: boolean;
}
interface LibraryBody {
  readonly builtIn: Array<{ id: string }>;
  readonly own: Array<{ id: string; template: { name: string } }>;
}

const SHAPED = {
  deepDiveMinutes: 20,
  sections: [
    {
      id: 'x-obstacles',
      title: 'Obstacles',
      prompts: [{ text: 'What’s the biggest obstacle you’re facing this week?' }],
    },
    { id: 'check-in' },
    { id: 'topics', prompts: [{ key: 'template.prompt.needFromMe' }] },
    { id: 'deep-dive' },
    { id: 'next-steps' },
    { id: 'recap' },
  ],
};

describe('templates over HTTP', () => {
  const demo = useDemoServer('templates');
  const after = () => sessionIdAt(new Date(startOfSession(demo.nextSessionId).getTime() + 7 * 86_400_000));

  test('the manager shapes the template: the next session keeps its sections, the one after follows it', async () => {
    const before = jsonOf<AgendaBody>(await demo.blake.get(sessionPath(demo.nextSessionId)));
    const put = await demo.avery.put(`/api/pairs/${PAIR}/template`, SHAPED);
    expect(put.status).toBe(200);
    expect(jsonOf<TemplateBody>(put)).toMatchObject({ appliesAfter: demo.nextSessionId, canEdit: true });

    const current = jsonOf<AgendaBody>(await demo.blake.get(sessionPath(demo.nextSessionId)));
    expect(current.sections.map((s) => s.id)).toEqual(before.sections.map((s) => s.id));
    const later = jsonOf<AgendaBody>(await demo.blake.get(sessionPath(after())));
    expect(later.sections.map((s) => s.id)).toEqual([
      'x-obstacles',
      'check-in',
      'topics',
      'deep-dive',
      'next-steps',
      'recap',
    ]);
    expect(later.sections[0]).toMatchObject({
      title: 'Obstacles',
      prompts: [{ text: 'What’s the biggest obstacle you’re facing this week?' }],
    });
    // The report reads it too, and may not change it.
    const asReport = jsonOf<TemplateBody>(await demo.blake.get(`/api/pairs/${PAIR}/template`));
    expect(asReport).toMatchObject({ canEdit: false, template: { deepDiveMinutes: 20 } });
    const refused = await demo.blake.put(`/api/pairs/${PAIR}/template`, SHAPED);
    expect(refused.status).toBe(403);
    expect(problemOf(refused).errors?.map((e) => e.field)).toEqual(['pairId']);
  });

  test('own templates are saved by their owner and listed for nobody else', async () => {
    const saved = await demo.avery.put('/api/templates/avery-weekly', { ...SHAPED, name: 'Avery’s weekly' });
    expect(saved.status).toBe(200);
    const mine = jsonOf<LibraryBody>(await demo.avery.get('/api/templates'));
    expect(mine.builtIn.map((t) => t.id)).toEqual([
      'weekly-check-in',
      'career-conversation',
      'feedback-focused',
      'first-90-days',
    ]);
    expect(mine.own.map((t) => t.template.name)).toEqual(['Avery’s weekly']);
    for (const other of [demo.blake, demo.devon]) {
      const theirs = jsonOf<LibraryBody>(await other.get('/api/templates'));
      expect(theirs.own).toEqual([]);
      // Nor can anyone else remove it.
      expect((await other.delete('/api/templates/avery-weekly')).status).toBe(404);
    }
    expect((await demo.avery.delete('/api/templates/avery-weekly')).status).toBe(204);
    expect(jsonOf<LibraryBody>(await demo.avery.get('/api/templates')).own).toEqual([]);
  });
});
