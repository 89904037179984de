/**
 * English for the Outlook add-in's task pane and the agenda it writes into the invite: in the add-in's first
 * script, never in the tab's (ui/i18n/parts.ts). The same rules as `../en.ts`.
 */
export const addinEn = {
  // The Outlook add-in
  'addin.outside.heading': 'Tandem for Outlook',
  'addin.outside.body': 'Open Tandem from a calendar event in Outlook to see and build that 1:1’s agenda.',
  'addin.outside.sandbox':
    'Running Tandem locally? Try the add-in beside a simulated appointment: <link>the Outlook sandbox</link>.',
  'addin.host.what':
    '{op, select, subject {read the subject} start {read the start time} end {read the end time} organizer {read the organizer} attendees {read the attendees} body_get {read the invite body} body_set {update the invite body} body_prepend {add to the invite body} attachments_add {attach the agenda} attachments_get {list the attachments} attachments_remove {replace the earlier agenda attachment} save {save the invite} itemId {read the invite} other {do that}}',
  'addin.host.failed': 'Outlook could not {what}: {reason}',
  'addin.host.readOnly': 'Only the organizer, editing the invite, can {what}.',
  'addin.host.unsupported': 'This version of Outlook cannot {what}. Update Outlook or use Outlook on the web.',
  'addin.host.noItem': 'Open a calendar event to see its 1:1 agenda.',
  'addin.unreachable': 'Tandem could not reach its service. Check your connection, then close and reopen Tandem.',
  'addin.reading': 'Reading the invite…',
  'addin.noSession': 'This 1:1 has no session at this time. Open an upcoming occurrence.',
  'addin.about': 'About this invite',
  'addin.invite': 'Invite',
  'addin.attendeeHint': 'Your topics are saved to Tandem: both of you see them here and in Teams.',
  'addin.editHint': 'Open the invite for editing to put the agenda into it.',
  'addin.insert': 'Insert agenda into invite',
  'addin.inserting': 'Inserting…',
  'addin.insert.unreadable': 'The agenda could not be read.',
  'addin.insert.noAttachments':
    '{how, select, replaced {Agenda updated in the invite} other {Agenda inserted into the invite}}. This Outlook cannot attach files (Mailbox 1.8).',
  'addin.insert.attached':
    '{how, select, replaced {Agenda updated in the invite} other {Agenda inserted into the invite}} and attached as a file. Send the update to share it.',
  'addin.insert.notAttached':
    '{how, select, replaced {Agenda updated in the invite} other {Agenda inserted into the invite}}, but not attached: {reason}',
  'addin.link.heading': 'Not a Tandem 1:1 yet',
  'addin.link.attendee': 'This event is not a Tandem 1:1. Its organizer can make it one from this pane.',
  'addin.link.needsTeams':
    'Tandem finds a 1:1 by its Teams meeting. Turn on “Teams meeting” for this event, then open Tandem again.',
  'addin.link.finding': 'Finding your direct reports…',
  'addin.link.noReports': 'Tandem 1:1s are between a manager and a direct report, and nobody reports to you.',
  'addin.link.notInvited':
    'None of your direct reports is invited to this event. Invite the person you meet in Outlook, then open Tandem again.',
  'addin.link.form': 'Make this event a Tandem 1:1',
  'addin.link.intro': 'Make this event a Tandem 1:1: its agenda, notes and next steps, shared by both of you.',
  'addin.link.report': 'Your direct report',
  'addin.link.frequency': 'How often you meet',
  'addin.link.submit': 'Make this a Tandem 1:1',
  'addin.link.createAnyway': 'Make another 1:1 anyway',
  'addin.agenda.title': '1:1 with {name}',
  'addin.agenda.topicsOf': 'Topics in {section}',
  'addin.agenda.raisedBy': 'raised by {name}',
  'addin.agenda.discussed': 'Discussed',
  'addin.agenda.open': 'Open',
  'addin.agenda.empty': 'No topics yet. Add what you want to talk about: both of you see it here and in Teams.',
  'addin.agenda.newTopic': 'New topic',
  'addin.agenda.addTopic': 'Add topic',
  'addin.agenda.placeholder': 'Add a topic…',
  'addin.agenda.typeFirst': 'Type a topic first.',
  'addin.agenda.loadFailed': 'The agenda could not be loaded: {reason}',
  'addin.agenda.openInTeams': 'Open the full agenda in Teams',
  'addin.agenda.inTeams': 'Check-in, notes, feedback and the rating are in the Teams meeting.',
  'addin.occurrence.skipped': 'This occurrence of the 1:1 is skipped: there is no agenda for it.',
  'addin.occurrence.cancelled': 'This occurrence of the 1:1 is cancelled: there is no agenda for it.',
  'addin.occurrence.moved': 'In Tandem this occurrence moved to {date}.',
  'addin.insert.otherDate':
    'The invite’s date no longer matches this agenda. Close and reopen Tandem to see the agenda for the new date.',

  // The agenda the organizer inserts into the invite, and its attachment
  'invite.title': '1:1 agenda: {manager} and {report}, {when}',
  'invite.fileTitle': '1:1 agenda {manager} / {report}',
  'invite.noTopics': 'No topics yet: add yours before the meeting.',
  'invite.openCommitments': 'Open commitments',
  'invite.commitment': '{text} (due {due})',
  'invite.openInTeams': 'Open the agenda in Teams',
} as const;

/** Another language's translation of these messages: every key, nothing else. */
export type AddinCatalog = { readonly [K in keyof typeof addinEn]: string };
