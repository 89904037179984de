import { chatIdFromJoinUrl, findChatId, findJoinUrl } from './teams-link';

const CHAT = '19:meeting_NjRhMzE5ZDgtYjQ1Ni00ZmJi@thread.v2';
const JOIN = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(CHAT)}/0?context=%7b%22Tid%22%3a%22t%22%7d`;

describe('Teams join URL', () => {
  it('finds the chat thread id in an encoded join URL', () => {
    expect(chatIdFromJoinUrl(JOIN)).toBe(CHAT);
    expect(chatIdFromJoinUrl(JOIN.replace('%3A', '%3a').replace('%40', '%40'))).toBe(CHAT);
  });

  it('has none for short meeting links or malformed escapes', () => {
    expect(chatIdFromJoinUrl('https://teams.microsoft.com/meet/2398472?p=abc')).toBeUndefined();
    expect(chatIdFromJoinUrl('https://teams.microsoft.com/l/meetup-join/%E0%A4%A/0')).toBeUndefined();
  });

  it('finds the join URL inside an HTML body with entity-encoded ampersands', () => {
    const html = `<p>Agenda</p><div><a href="${JOIN.replace(/&/g, '&amp;')}&amp;x=1" target="_blank">Join the meeting now</a></div>`;
    expect(findJoinUrl(html)).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    expect(findChatId({ body: html })).toBe(CHAT);
  });

  it('prefers the online meeting URL and falls back to the body', () => {
    const other = CHAT.replace('NjRh', 'OTHER');
    expect(findChatId({ joinUrl: JOIN, body: `<a href="${JOIN.replace(CHAT, other)}">` })).toBe(CHAT);
    expect(findChatId({ joinUrl: 'https://example.com/x', body: JOIN })).toBe(CHAT);
    expect(findChatId({ body: '<p>No meeting here</p>' })).toBeUndefined();
  });
});
