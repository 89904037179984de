import { teamsLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TandemApi } from '../api/client';
import { LocaleProvider } from '../i18n/intl';
import type { AgendaView, TopicView } from '../api/types';
import { agendaWith, topic } from '../test-support/agenda-fixture';
import { FakeService } from '../test-support/fake-service';
import { AgendaPanel } from './agenda-panel';

const SESSION = '/api/pairs/avery-blake/sessions/20261125T100000Z';

/** The framework's sections with one the manager added first: "Obstacles", with a prompt. */
function withObstacles(topics: TopicView[]): AgendaView {
  const base = agendaWith(topics);
  return {
    ...base,
    sections: [
      {
        id: 'x-obstacles',
        title: 'Obstacles',
        customTitle: 'Obstacles',
        prompts: [{ text: 'What is in your way?' }],
        topics: topics.filter((t) => t.section === 'x-obstacles'),
      },
      ...base.sections,
    ],
  };
}

describe('a section the manager added', () => {
  it('has its own add row: a topic typed there goes to that section', async () => {
    let agenda = withObstacles([]);
    const service = new FakeService()
      .on('GET', SESSION, () => ({ status: 200, json: agenda }))
      .on('POST', `${SESSION}/topics`, (call) => {
        const body = call.body as { id: string; title: string; section: TopicView['section'] };
        const added = topic({ id: body.id, title: body.title, section: body.section });
        agenda = withObstacles([...agenda.sections.flatMap((s) => s.topics), added]);
        return { status: 201, json: added };
      });
    const api = new TandemApi({ baseUrl: '', getToken: async () => 'token', fetch: service.fetch });
    render(
      <LocaleProvider locale="en-US" theme={teamsLightTheme}>
        <AgendaPanel api={api} pairId="avery-blake" sessionId="20261125T100000Z" />
      </LocaleProvider>,
    );
    const user = userEvent.setup();
    // The first render of the file pays for loading Fluent: on a busy machine that takes more than a second.
    await user.click(await screen.findByRole('button', { name: 'Add to Obstacles' }, { timeout: 10_000 }));
    const field = screen.getByRole('textbox', { name: 'New topic in Obstacles' });
    expect(field).toHaveFocus();
    await user.keyboard('Waiting on the design review{Enter}');
    const list = await screen.findByRole('list', { name: 'Obstacles topics' });
    expect(within(list).getByText('Waiting on the design review')).toBeInTheDocument();
    expect(service.callsTo('POST', `${SESSION}/topics`)[0]?.body).toMatchObject({
      title: 'Waiting on the design review',
      section: 'x-obstacles',
    });
  });
});
