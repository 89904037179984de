/**
 * Where "Open the agenda in Teams" goes: a Teams deep link to the Tandem tab in the meeting's chat when the
 * Teams app id is known (`/l/entity/<appId>/<entityId>?context=…` with the chat id), else the tab's own page
 * on this service (embedded mode), opened at the meeting's chat.
 */
export const TAB_ENTITY_ID = 'tandem-agenda';

export function meetingTabUrl(options: { chatId: string; teamsAppId?: string; origin: string }): string {
  if (options.teamsAppId) {
    const context = encodeURIComponent(JSON.stringify({ chatId: options.chatId, contextType: 'chat' }));
    return `https://teams.microsoft.com/l/entity/${encodeURIComponent(options.teamsAppId)}/${TAB_ENTITY_ID}?context=${context}`;
  }
  return `${options.origin}/tab/?view=panel&chatId=${encodeURIComponent(options.chatId)}`;
}
