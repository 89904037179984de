/**
 * How much people may write and how many of a thing, one set of numbers: the use-cases enforce them on
 * trimmed text, the HTTP edge validates and advertises the same ones (the OpenAPI document's maxLength),
 * and the bot's and the UI's inputs stop typing there.
 */
export const LIMITS = {
  title: 200,
  detail: 2000,
  note: 10_000,
  line: 280,
  feedback: 4000,
  actionText: 500,
  topicsPerSession: 200,
  milestonesPerGoal: 50,
  commentsPerGoal: 100,
  /** The widest window of sessions or insights one request may ask for. */
  periodDays: 400,
  /** Shared notes in one session, and each person's private notes in one session. */
  notesPerSession: 200,
  feedbackPerSession: 100,
  actionItemsPerPair: 2000,
  goalsPerPair: 200,
  /** One stored document (a pair, a session, a private notes file), as JSON. */
  documentBytes: 2 * 1024 * 1024,
  /** Open live-update streams per user (service, not domain: kept here so all caps are in one table). */
  eventStreamsPerUser: 10,
} as const;
