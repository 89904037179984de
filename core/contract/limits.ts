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
  /** The widest window of sessions or insights one request may ask for. */
  periodDays: 400,
} as const;
