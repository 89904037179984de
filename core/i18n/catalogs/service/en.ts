/**
 * English for the bot (its messages and cards) and the service (the Markdown export): never in a web page.
 * Only the service's and the bot's catalogs (core/i18n/messages.ts) spread it; the same rules as `../en.ts`.
 */
export const serviceEn = {
  // The bot's messages
  'bot.word.help': 'help',
  'bot.word.agenda': 'agenda',
  'bot.word.add': 'add',
  'bot.word.actions': 'actions',
  'bot.help':
    'I help you prepare your 1:1s and keep track of what comes out of them.\r- **{agenda}**: the agenda of your next 1:1\r- **{add}** *topic*: add a topic to your next 1:1\r- **{actions}**: your open action items\r- **{settings}**: what I remind you of, and when\r- **{help}**: this message\rBefore each 1:1 I ask you for topics; after it I post the recap; the day before an action item is due I remind its owner.',
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

  // People's attention: prompts and nudges each person chooses (bot card and tab)
  'bot.word.settings': 'settings',
  'bot.settingsInPersonal': 'Your reminders are yours alone: type **{settings}** in your personal chat with me.',
  'bot.summary.settings': 'Your reminders',

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
    '{name} now reports to someone else, so your 1:1 with them is archived: you can still read it, not change it.',
  'card.notice.left.line':
    '{name} has left the organisation, so your 1:1 with them is archived. You can read it for a year; export it from Tandem to keep it longer.',
  'card.notice.managerChanged.reportLine':
    'Your manager changed, so your 1:1 with {name} is archived: you can still read it, not change it.',
  'card.proposal.summary': 'A new 1:1 is proposed',
  'card.proposal.manager.title': '{name} now reports to you',
  'card.proposal.manager.line':
    'Open Tandem to start your 1:1 with {name}. Their earlier 1:1 stays between them and their former manager unless they choose to share it with you.',
  'card.proposal.report.title': 'You now report to {name}',
  'card.proposal.report.line':
    'Your 1:1 with {old} is archived: you can still read it, not change it. Once your new 1:1 with {name} starts, open Tandem to choose which goals carry over and whether {name} may read your earlier 1:1.',

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

/** Another language's translation of these messages: every key, nothing else. */
export type ServiceCatalog = { readonly [K in keyof typeof serviceEn]: string };
