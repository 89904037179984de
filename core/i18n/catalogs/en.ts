/**
 * English: the source catalog. Its keys are the message ids; every other catalog has exactly these keys
 * (the type below and core/i18n/catalogs.test.ts check it). ICU MessageFormat: `{name}` is a value,
 * plurals and selects as `{count, plural, one {…} other {…}}` (select keys cannot hold '-': use '_');
 * write ’ rather than ' (an ASCII apostrophe next to a brace starts an ICU quote).
 */
export const en = {
  // Shared words
  'frequency.weekly': 'Every week',
  'frequency.biweekly': 'Every two weeks',
  'frequency.monthly': 'Every month',
  'section.check-in': 'Check-in',
  'section.progress': 'Progress',
  'section.topics': 'Topics',
  'section.deep-dive': 'Deep dive',
  'section.feedback': 'Feedback',
  'section.next-steps': 'Next steps',
  'section.recap': 'Recap',

  // The tab's shell
  'tab.connecting': 'Connecting to Microsoft Teams…',
  'tab.starting': 'Starting Tandem…',
  'tab.slowTeams': 'Teams is taking longer than usual to answer. Tandem keeps waiting.',
  'tab.slow': 'This is taking longer than usual.',
  'tab.tryAgain': 'Try again',
  'tab.withoutTeams': 'Continue without Teams',
  'tab.teamsDidNotAnswer': 'Microsoft Teams did not answer.',
  'tab.unreachable': 'Tandem could not reach its service.',
  'tab.outside.where': 'Tandem runs inside Microsoft Teams and Outlook.',
  'tab.outside.how': 'In Teams, open Apps, find Tandem and choose Open; in a 1:1 meeting, open its Tandem tab.',
  'tab.config.heading': 'Add Tandem to this meeting',
  'tab.config.body':
    'Tandem shows this 1:1’s shared agenda, notes and next steps for both of you, in the meeting and beside it. Select Save to add it.',
  'tab.wide.loading': 'Loading your 1:1s…',
  'tab.wide.title': 'Tandem · {name}',
  'tab.wide.views': 'Tandem views',
  'tab.wide.sessions': 'My 1:1s',
  'tab.wide.actions': 'Action items',
  'tab.wide.goals': 'Goals',
  'tab.wide.history': 'History',
  'tab.wide.health': 'Meeting health',
  'tab.wide.new': 'New 1:1',
  'tab.wide.yourReport': 'Your report',
  'tab.wide.yourManager': 'Your manager',
  'tab.wide.next': 'next {when}',
  'tab.wide.none': 'No 1:1s yet.',
  'tab.wide.archivedTag': 'archived, read-only',
  'tab.wide.archived': 'Archived',
  'tab.demo.banner': 'Embedded mode · signed in as <b>{user}</b>',
  'tab.demo.switch': 'Switch user',
  'tab.demo.intro': 'Embedded mode: no Microsoft 365 tenant. Choose a demo user to continue.',
  'tab.demo.label': 'Demo user',
  'tab.demo.continue': 'Continue',
  'tab.demo.avery': 'Avery Chen — manager of Blake and Casey',
  'tab.demo.blake': 'Blake Diaz — reports to Avery',
  'tab.demo.casey': 'Casey Ng — reports to Avery',
  'tab.demo.devon': 'Devon Park — another team',

  // The Outlook add-in
  'addin.outside.heading': 'Tandem for Outlook',
  'addin.outside.body': 'Open Tandem from a calendar event in Outlook to see and build that 1:1’s agenda.',
  'addin.outside.sandbox':
    'Running Tandem locally? Try the add-in beside a simulated appointment: <link>the Outlook sandbox</link>.',
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

  // The agenda the organizer inserts into the invite, and its attachment
  'invite.title': '1:1 agenda: {manager} and {report}, {when}',
  'invite.fileTitle': '1:1 agenda {manager} / {report}',
  'invite.noTopics': 'No topics yet: add yours before the meeting.',
  'invite.openCommitments': 'Open commitments',
  'invite.commitment': '{text} (due {due})',
  'invite.openInTeams': 'Open the agenda in Teams',

  // The bot's messages
  'bot.word.help': 'help',
  'bot.word.agenda': 'agenda',
  'bot.word.add': 'add',
  'bot.word.actions': 'actions',
  'bot.help':
    'I help you prepare your 1:1s and keep track of what comes out of them.\r- **{agenda}**: the agenda of your next 1:1\r- **{add}** *topic*: add a topic to your next 1:1\r- **{actions}**: your open action items\r- **{help}**: this message\rBefore each 1:1 I ask you for topics; after it I post the recap; the day before an action item is due I remind its owner.',
  'bot.unknownUser':
    'I don’t know you in Tandem yet. Ask your admin to add you (embedded mode: TANDEM_BOT_IDENTITIES maps Teams ids to demo users).',
  'bot.notUnderstood': 'I didn’t catch that. Try **{agenda}**, **{add}** *your topic*, **{actions}** or **{help}**.',
  'bot.hello': 'Hello! Type **{help}** to see what I can do.',
  'bot.noUpcoming': 'You have no 1:1 coming up.',
  'bot.addWhat': 'Add what? Try **{add}** *your topic*.',
  'bot.noUpcomingToAdd': 'You have no 1:1 coming up to add it to.',
  'bot.couldNotAdd': 'I could not add it: {reason}.',
  'bot.added': 'Added “{title}” to your 1:1 with {name}.',
  'bot.openActions':
    '{count, plural, =0 {You have no open action items.} one {Your open action item:} other {Your # open action items:}}',
  'bot.openAction': '- {text} (due {due}, with {name})',
  'bot.unknownAction': 'That action is not known here.',
  'bot.failed': 'That did not work: {reason}.',
  'bot.typeTopicFirst': 'Type a topic first.',
  'bot.topicAdded': 'Added: {title}',
  'bot.nothingNoted': 'Noted: nothing from you this time.',
  'bot.markedDone': 'Marked done.',
  'bot.changedMeanwhile': 'It changed meanwhile: here it is now.',
  'bot.moved': 'Moved to {due}.',
  'bot.summary.prompt': 'Topics for your next 1:1?',
  'bot.summary.recap': 'Your 1:1 recap',
  'bot.summary.nudge': 'An action item is due tomorrow',

  // The bot's cards
  'card.agenda.heading': 'Your 1:1 with {name}',
  'card.agenda.chatHeading': '1:1 of {manager} and {report}',
  'card.agenda.count': '{count, plural, =0 {No topics yet} one {# topic} other {# topics}}',
  'card.agenda.yours': 'yours',
  'card.agenda.carried': 'carried over',
  'card.agenda.nothingSaid': 'You said there is nothing from you this time. You can still add a topic.',
  'card.agenda.topicLabel': 'Add a topic',
  'card.agenda.topicPlaceholder': 'What would you like to talk about?',
  'card.agenda.add': 'Add topic',
  'card.agenda.nothingFromMe': 'Nothing from me this time',
  'card.recap.heading': 'Recap: {manager} / {report} 1:1',
  'card.recap.yourHeading': 'Recap: your 1:1 with {name}',
  'card.recap.discussed': 'Discussed',
  'card.recap.wins': 'Wins',
  'card.recap.time': 'Time spent',
  'card.recap.minutes': '{minutes} min',
  'card.recap.reportShare': "{percent}% of the time went to {name}'s topics",
  // Private talking points, reordering by drag and drop (ui/agenda), time per topic in meeting health
  'meeting.private.onlyMe': 'Only me',
  'meeting.private.badge': 'Only you',
  'meeting.private.note': 'Only you see this topic. It stays out of {name}’s view, the recap and the invite.',
  'meeting.dnd.handle': 'Drag to reorder: {title}',
  'meeting.dnd.instructions':
    'To pick up a topic, press Space or Enter. Move it with the arrow keys, then press Space or Enter to drop it, or Escape to cancel.',
  'meeting.dnd.start': 'Picked up {title}. It is at position {position} of {count}.',
  'meeting.dnd.over': '{title} is over position {position} of {count}.',
  'meeting.dnd.end': '{title} dropped at position {position} of {count}.',
  'meeting.dnd.cancel': 'Moving {title} was cancelled. It stays at position {position} of {count}.',
  'health.time.reportShare': 'Minutes on the report’s topics',
  'health.time.perTopic': '{minutes} min per topic on average, over {count, plural, one {# topic} other {# topics}}',
  'health.time.none':
    'No time recorded yet: mark a topic “Now discussing” in the meeting to see how the time is spent.',
  'health.time.longest': 'Longest topics:',
  'health.time.topic': '{title} ({minutes} min)',
  'health.time.pooledTitle': 'Time on your reports’ topics',
  'health.time.pooled': '{percent}% of the time recorded in your 1:1s went to your reports’ topics.',
  'health.time.pooledRule':
    'Pooled across all your 1:1s, and shown only once at least {minimum} of them recorded time with “Now discussing”.',
  'card.recap.carried': 'Carried to next time',
  'card.recap.notes': 'Notes',
  'card.recap.actions': 'Action items',
  'card.recap.yourActions': '{count, plural, one {Your action item} other {Your # action items}}',
  'card.recap.theirActions': '{count, plural, one {Action item for {name}} other {# action items for {name}}}',
  'card.recap.actionOwner': '{owner}, due {due}',
  'card.recap.actionDue': 'due {due}',
  'card.recap.empty': 'Nothing was recorded in this session.',
  'card.recap.next': 'Next session: {when}',
  'card.recap.noNext': 'No next session is scheduled.',
  'card.nudge.heading': 'Due {due}',
  'card.nudge.doneHeading': 'Done',
  'card.nudge.droppedHeading': 'Dropped',
  'card.nudge.refresh': 'Refresh',
  'card.nudge.from': 'From your 1:1 with {name}; due {due}',
  'card.nudge.newDue': 'New due date',
  'card.nudge.done': 'Done',
  'card.nudge.move': 'Move the date',
  'card.notice.deleted.title': 'A 1:1 was deleted',
  'card.notice.archived.title': 'Your 1:1 is archived',
  'card.notice.deleted.line':
    '{name} deleted your 1:1 with them: its agenda, shared notes and meeting series are gone.',
  'card.notice.managerChanged.line':
    'The organisation changed who reports to whom, so your 1:1 with {name} is archived: you can still read it, not change it. Open Tandem to start the new 1:1 and choose which goals carry over.',
  'card.notice.left.line':
    '{name} has left the organisation, so your 1:1 with them is archived. You can read it for a year; export it from Tandem to keep it longer.',

  // The Markdown export
  'export.title': '1:1 {manager} and {report}',
  'export.exported': 'Exported {at} by {name}. Private notes in this file are {name}’s own.',
  'export.goals': 'Goals and development',
  'export.none': 'None yet.',
  'export.competency': 'competency: {value}',
  'export.format':
    'format: {value, select, assignment {assignment} training {training} shadowing {shadowing} cross_team {cross-team work} other {mentoring}}',
  'export.due': 'due {due}',
  'export.actions': 'Action items',
  'export.goalState':
    '{kind, select, development {development} other {goal}}, {status, select, achieved {achieved} dropped {dropped} other {active}}',
  'export.actionLine': '{owner}, due {due}, {status, select, done {done} dropped {dropped} other {open}}',
  'export.sessions': 'Sessions',
  'export.status':
    '{status, select, held {held} in_progress {in progress} skipped {skipped} cancelled {cancelled} other {upcoming}}',
  'export.checkIn': 'Check-in {name}: mood {mood}/5',
  'export.topics': 'Topics',
  'export.carriedForward': 'carried forward',
  'export.sharedNotes': 'Shared notes',
  'export.feedback': 'Feedback',
  'export.feedbackLine': '{from} to {to}',
  'export.privateNotes': 'My private notes',
  'export.rating': 'My rating: {rating}/5',
} as const;

export type MessageId = keyof typeof en;

/** A catalog has every message id, and only those: TypeScript rejects a missing or an extra key. */
export type Catalog = { readonly [K in MessageId]: string };
