import { sharedEn } from './shared/en';
import { agendaEn } from './agenda/en';
import { problemsEn } from './problems/en';
/**
 * English for what every page's first script carries: the tab's shell, the side panel's words, the shared
 * components, the agenda and the refusals (the parts spread below). The other parts (`views/`, `addin/`,
 * `service/`) come with the code that shows them; core/i18n/messages.ts joins them all (docs/i18n.md).
 * The message ids are the keys; each translation has exactly these keys (the type below and
 * core/i18n/catalogs.test.ts check it). ICU MessageFormat: `{name}` is a value, plurals and selects as
 * `{count, plural, one {…} other {…}}` (select keys cannot hold '-': use '_'); write ’ rather than ' (an
 * ASCII apostrophe next to a brace starts an ICU quote).
 */
export const shellEn = {
  // Shared words
  'common.loading': 'Loading…',
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
  'tab.demo.banner': 'Embedded mode · signed in as <b>{user}</b>',
  'tab.demo.switch': 'Switch user',
  'tab.demo.intro': 'Embedded mode: no Microsoft 365 tenant. Choose a demo user to continue.',
  'tab.demo.label': 'Demo user',
  'tab.demo.continue': 'Continue',
  'tab.demo.avery': 'Avery Chen — manager of Blake, Casey and Emery',
  'tab.demo.blake': 'Blake Diaz — reports to Avery',
  'tab.demo.casey': 'Casey Ng — reports to Avery',
  'tab.demo.emery': 'Emery Ruiz — reports to Avery',
  'tab.demo.devon': 'Devon Park — another team',
  // The side panel's own words for the features below (the rest of them is in views/, addin/ and service/)
  'attention.nothingToAdd': 'Nothing to add this time',
  'attention.nothingNoted': 'Noted: nothing from you this time, so no reminder for this 1:1.',
  // Private talking points, reordering by drag and drop (ui/agenda)
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
  // The recap in the agenda (the bot's card says the same: its part is service/)
  'card.recap.goalsMoved': 'Goals that moved',
  'card.recap.milestoneDone': '{goal}: {milestone} (done)',
  'card.recap.milestoneChanged': '{goal}: {milestone} (changed)',
  'continuity.carryOver.finish': 'Done',
  'continuity.addToNext.ended': 'This meeting has already ended. Add it to the next one?',
  'continuity.addToNext.skipped': 'This meeting was skipped. Add it to the next one?',
  'continuity.addToNext.cancelled': 'This meeting was cancelled in the calendar. Add it to the next one?',
  'continuity.addToNext.button': 'Add it to the next one',
  'continuity.addToNext.done': 'Added to the next meeting, {when}.',
  'continuity.addToNext.noNext': 'There is no next meeting yet. Try again once one is scheduled.',
  'continuity.addToNext.dismiss': 'Not now',
  // Templates: what the agenda shows of them (the dialog's words are in views/)
  'template.prompts': 'Prompts for {section}',
  'template.name.weekly-check-in': 'Weekly check-in',
  'template.name.career-conversation': 'Career conversation',
  'template.name.feedback-focused': 'Feedback-focused',
  'template.name.first-90-days': 'New starter: the first 90 days',
  'template.section.direction': 'Where you want to go',
  'template.section.feedbackBothWays': 'Feedback both ways',
  'template.section.learning': 'Finding your feet',
  'template.prompt.howAreYou': 'How are you doing, honestly — at work and otherwise?',
  'template.prompt.sinceLastTime': 'What moved forward since we last spoke?',
  'template.prompt.obstacle': 'What’s the biggest obstacle you’re facing this week?',
  'template.prompt.needFromMe': 'What do you need from me?',
  'template.prompt.oneThingToChange': 'If you could change one thing about how we work together, what would it be?',
  'template.prompt.energy': 'Which parts of your work give you energy, and which drain it?',
  'template.prompt.twoYears': 'Where would you like to be in two years?',
  'template.prompt.skillToGrow': 'Which skill would you most like to grow next?',
  'template.prompt.supportFromMe': 'How can I better support where you want to go?',
  'template.prompt.firstStep': 'What’s one small step before we next meet?',
  'template.prompt.keepDoing': 'What should each of us keep doing?',
  'template.prompt.doDifferently': 'What should each of us do differently?',
  'template.prompt.aboutMe': 'Is there anything about how I manage that you’d like to tell me?',
  'template.prompt.settlingIn': 'How are you settling in?',
  'template.prompt.clearer': 'What’s still unclear about your role or our team?',
  'template.prompt.whoToMeet': 'Who would be good for you to meet next?',
  'template.prompt.firstGoals': 'How are your first goals coming along?',
  'template.prompt.surprised': 'What surprised you this week?',
  'template.prompt.onboarding': 'What could we do better when someone new joins?',
  // The components the side panel and the wide tab share (shared/en.ts)
  ...sharedEn,
  // What people read when the service refuses something (problems/en.ts)
  ...problemsEn,
  // The shared agenda (agenda/en.ts)
  ...agendaEn,
} as const;

/** Another language's translation of these messages: every key, nothing else. */
export type ShellCatalog = { readonly [K in keyof typeof shellEn]: string };
