import { meetingTabUrl } from './tab-link';

const chatId = '19:meeting_abc@thread.v2';

describe('meeting tab link', () => {
  it('deep-links to the Tandem tab in the meeting chat when the Teams app id is known', () => {
    const url = new URL(meetingTabUrl({ chatId, teamsAppId: 'app-1', origin: 'https://tandem.example' }));
    expect(url.origin + url.pathname).toBe('https://teams.microsoft.com/l/entity/app-1/tandem-agenda');
    expect(JSON.parse(url.searchParams.get('context')!)).toEqual({ chatId, contextType: 'chat' });
  });

  it("opens the tab's own page in embedded mode", () => {
    const url = new URL(meetingTabUrl({ chatId, origin: 'http://localhost:3978' }));
    expect(url.pathname).toBe('/tab/');
    expect(url.searchParams.get('chatId')).toBe(chatId);
  });
});
