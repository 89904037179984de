/**
 * What people read when the service refuses something: one message per problem `code` core sends, else per
 * problem type (ui/api/api-error.ts maps them). The problem's own `detail` stays English, for developers.
 * Spread into `../en.ts`; the same rules apply.
 */
export const problemsEn = {
  'problem.code.session-ended': 'This meeting has already ended. Add it to the next one?',
  'problem.code.session-not-started': 'This meeting has not started yet, so it cannot be ended or reopened now.',
  'problem.code.session-skipped': 'This meeting was skipped. Add it to the next one?',
  'problem.code.session-cancelled': 'This meeting was cancelled in the calendar. Add it to the next one?',
  'problem.code.reopen-expired': 'This meeting ended too long ago to reopen. Add what is missing to the next one.',
  'problem.code.pair-archived': 'This 1:1 is archived: you can read it, but not change it.',
  'problem.code.duplicate-pair':
    'You already have a 1:1 with this person. Open the existing one, or create another anyway?',
  'problem.code.not-invited': 'That person is not invited to this meeting. Pick someone on the invitation.',
  'problem.code.title-too-long': 'That title is too long. Shorten it, and put the rest in the details.',
  'problem.code.skip-not-undoable':
    'Outlook cannot bring back a skipped meeting. Move another one, or add a meeting in Outlook.',
  'problem.code.report-owns-plan':
    'This is your report’s own development plan: only they change it. Leave a comment, or propose a new item.',
  'problem.type.validation': 'Something in what you entered was not accepted. Check it and try again.',
  'problem.type.unauthenticated': 'You are signed out. Sign in again to continue.',
  'problem.type.forbidden': 'Only the other person in this 1:1 can do that.',
  'problem.type.not-found': 'That is no longer there. It may have been deleted.',
  'problem.type.method-not-allowed': 'That cannot be done here.',
  'problem.type.conflict': 'Someone changed this at the same time. Here is the latest; try again.',
  'problem.type.too-large': 'That is too long to save. Shorten it and try again.',
  'problem.type.unsupported-media-type': 'That could not be sent. Reload Tandem and try again.',
  'problem.type.busy': 'Tandem is busy right now. Try again in a moment.',
  'problem.type.graph-unavailable': 'Microsoft 365 is not answering right now. Try again in a moment.',
  'problem.type.graph-error': 'Microsoft 365 refused that. Try again, or ask your admin if it keeps happening.',
  'problem.type.internal': 'Something went wrong on our side. Try again in a moment.',
  'problem.type.sign-in-unavailable': 'Sign-in is not available right now. Try again in a moment.',
  'problem.type.rate-limited': 'That was a lot at once. Wait a moment and try again.',
  'problem.type.too-many-streams': 'Tandem is open in too many places. Close a few tabs and reload.',
  'problem.type.foreign-host': 'Open Tandem from its own address to continue.',
  'problem.fallback': 'That did not work. Try again in a moment.',
  'problem.unreachable': 'Tandem could not be reached. Check your connection and try again.',
} as const;

export type ProblemsCatalog = { readonly [K in keyof typeof problemsEn]: string };
