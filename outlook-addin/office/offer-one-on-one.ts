import type { Person } from '../../ui/api/types';
import { OfficeHost } from './office-host';
import type { AsyncResultLike, OfficeLike } from './office-types';

/** The notification's key: one offer per item, replaced or withdrawn as the attendees change. */
export const OFFER_KEY = 'tandemOneOnOne';
/** The ribbon button that opens the task pane (the unified manifest's control id, kept in the XML one). */
export const OPEN_AGENDA_COMMAND = 'openAgenda';
/** The manifest's icon resource for the notification (insight messages need one). */
export const OFFER_ICON = 'Icon.16';

const done = (start: (callback: (result: AsyncResultLike<void>) => void) => void, failed: string) =>
  new Promise<boolean>((resolve) => start((result) => resolve(result.status !== failed)));

/**
 * Event-based activation (a new appointment, or its attendees changed): when the organizer's appointment has
 * exactly one attendee besides them and that person is one of their direct reports, a notification offers to
 * make it a Tandem 1:1 (its button opens the task pane, whose form links the event). Any other appointment
 * gets no offer, and one shown earlier is withdrawn. Never throws: a launch handler must always complete.
 * Resolves true when the offer is shown.
 */
export async function offerOneOnOne(
  office: OfficeLike,
  directReports: () => Promise<readonly Person[]>,
): Promise<boolean> {
  const item = office.context.mailbox.item;
  const messages = item?.notificationMessages;
  if (!item || item.itemType !== 'appointment' || !messages) return false;
  const failed = office.AsyncResultStatus.Failed;
  try {
    const me = office.context.mailbox.userProfile.emailAddress.trim().toLowerCase();
    const attendees = ((await new OfficeHost(office).attendees()) ?? []).map((a) => a.trim().toLowerCase());
    const others = [...new Set(attendees)].filter((a) => a !== me);
    const report =
      others.length === 1
        ? (await directReports()).find((p) => p.email?.trim().toLowerCase() === others[0])
        : undefined;
    // Outlook refuses a key already shown: the earlier offer goes first (removing none is not an error).
    await done((cb) => messages.removeAsync(OFFER_KEY, cb), failed);
    if (!report) return false;
    return await done(
      (cb) =>
        messages.addAsync(
          OFFER_KEY,
          {
            type: office.MailboxEnums.ItemNotificationMessageType?.InsightMessage ?? 'insightMessage',
            message: `A 1:1 with ${report.displayName}? Tandem gives you both a shared agenda and follow-ups.`,
            icon: OFFER_ICON,
            actions: [
              {
                actionType: office.MailboxEnums.ActionType?.ShowTaskPane ?? 'showTaskPane',
                actionText: 'Make it a Tandem 1:1',
                commandId: OPEN_AGENDA_COMMAND,
                contextData: { reportId: report.id },
              },
            ],
          },
          cb,
        ),
      failed,
    );
  } catch {
    return false;
  }
}
