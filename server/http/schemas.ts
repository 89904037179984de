import { z } from 'zod';
import { LIMITS } from '../../core/contract/limits';
import type * as contract from '../../core/contract/requests';
import { PROMPT_HOURS } from '../../core/model/attention';
import { FREQUENCIES } from '../../core/model/cadence';
import { LEARNING_FORMATS } from '../../core/model/documents';
import { TOPIC_SECTIONS } from '../../core/model/sections';

/**
 * Edge validation: shapes, types and core's limits (so the OpenAPI document advertises what the use-cases
 * accept). Rules that need state (membership, sessions) are the use-cases'. Objects are strict so a
 * misspelt field is named instead of ignored.
 */
const clientId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, "-" or "_"');
/** 2030-02-30 matches the pattern, and Date.parse rolls it over to March 2 instead of failing. */
function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return true; // the pattern already says what is wrong
  const at = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === value;
}
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(isCalendarDate, 'is not a real calendar date');
const dateTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });
const rev = z.number().int().min(1);
const score = z.number().int().min(1).max(5);
/** A framework section, or one the template added (core checks it is in the session's template). */
const section = z.union(
  [z.enum(TOPIC_SECTIONS), z.templateLiteral(['x-', z.string().regex(/^[A-Za-z0-9_-]{1,40}$/)])],
  {
    error: `must be one of ${TOPIC_SECTIONS.join(', ')} or a section added to the template (x-…)`,
  },
);
/** Text people write: measured as the use-cases measure it, after trimming. */
const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

type Writable<T> = T extends readonly (infer U)[]
  ? Writable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Writable<T[K]> }
    : T;
/** Same shape both ways and the same fields (an optional field missing on one side is drift too). */
type Same<A, B> = [Writable<A>, keyof A] extends [Writable<B>, keyof B]
  ? [Writable<B>, keyof B] extends [Writable<A>, keyof A]
    ? true
    : false
  : false;
/** A request body schema, checked by the compiler against the contract's type: neither can drift alone. */
const bodyOf =
  <T>() =>
  <S extends z.ZodType>(schema: S & (Same<z.input<S>, T> extends true ? unknown : { notTheContract: T })): S =>
    schema;

export const devTokenBody = z.strictObject({ user: z.string().min(1).max(64) });

const cadence = z.strictObject({
  frequency: z.enum(FREQUENCIES),
  startDate: date,
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:mm'),
  timeZone: z.string().min(1).max(64),
  durationMinutes: z.number().int().min(15).max(240).default(30),
});
const createPair = {
  id: clientId.optional(),
  reportId: z.string().min(1).max(200),
  cadence,
  allowDuplicate: z.boolean().optional(),
};

export const changeCadenceBody = bodyOf<contract.ChangeCadenceBody>()(z.strictObject({ cadence }));

export const createPairBody = bodyOf<contract.CreatePairBody>()(z.strictObject(createPair));

/** An existing Outlook event with a Teams meeting, made a 1:1 (the Outlook add-in). */
export const linkPairBody = bodyOf<contract.LinkPairBody>()(
  z.strictObject({
    ...createPair,
    chatId: z.string().min(1).max(300),
    joinUrl: z
      .url({ protocol: /^https$/, message: 'must be an https URL' })
      .max(4000)
      .optional(),
    seriesId: z.string().min(1).max(1000).optional(),
    attendees: z.array(z.string().min(1).max(320)).max(500).optional(),
  }),
);

export const addTopicBody = bodyOf<contract.AddTopicBody>()(
  z.strictObject({
    id: clientId.optional(),
    title: text(LIMITS.title),
    detail: text(LIMITS.detail).optional(),
    section: section.optional(),
    private: z.boolean().optional(),
    goalId: z.string().min(1).max(64).optional(),
  }),
);

/** An edit names something to change besides the revision it started from: an empty edit is a mistake. */
const namesAChange = (body: object) => Object.keys(body).length > 1;
const nothingToChange = { message: 'name at least one field to change', path: ['rev'] };

export const editTopicBody = bodyOf<contract.EditTopicBody>()(
  z
    .strictObject({
      rev,
      title: text(LIMITS.title).optional(),
      detail: text(LIMITS.detail).nullable().optional(),
      section: section.optional(),
      discussed: z.boolean().optional(),
      goalId: z.string().min(1).max(64).nullable().optional(),
    })
    .refine(namesAChange, nothingToChange),
);

export const reorderBody = bodyOf<contract.ReorderBody>()(
  z.strictObject({ section, topicIds: z.array(z.string().max(64)).max(LIMITS.topicsPerSession) }),
);

export const addNoteBody = bodyOf<contract.AddNoteBody>()(
  z.strictObject({
    id: clientId.optional(),
    text: text(LIMITS.note),
    private: z.boolean().default(false),
    topicId: z.string().max(64).optional(),
  }),
);

export const editNoteBody = bodyOf<contract.EditNoteBody>()(
  z.strictObject({ text: text(LIMITS.note), rev, private: z.boolean().default(false) }),
);

export const privateQuery = z.strictObject({
  private: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const checkInBody = bodyOf<contract.CheckInBody>()(
  z.strictObject({ mood: score, line: text(LIMITS.line).optional() }),
);
export const feedbackBody = bodyOf<contract.FeedbackBody>()(
  z.strictObject({ id: clientId.optional(), text: text(LIMITS.feedback) }),
);
export const ratingBody = bodyOf<contract.RatingBody>()(z.strictObject({ score }));
export const deepDiveBody = bodyOf<contract.DeepDiveBody>()(
  z.strictObject({ topicId: z.string().max(64), minutes: z.number().int().optional() }),
);
export const moveBody = bodyOf<contract.MoveBody>()(z.strictObject({ start: dateTime }));

export const addActionItemBody = bodyOf<contract.AddActionItemBody>()(
  z.strictObject({
    id: clientId.optional(),
    text: text(LIMITS.actionText),
    ownerId: z.string().min(1).max(200),
    due: date,
    sessionId: z.string().max(32),
    topicId: z.string().max(64).optional(),
    goalId: z.string().min(1).max(64).optional(),
  }),
);

export const editActionItemBody = bodyOf<contract.EditActionItemBody>()(
  z
    .strictObject({
      rev,
      text: text(LIMITS.actionText).optional(),
      ownerId: z.string().min(1).max(200).optional(),
      due: date.optional(),
      status: z.enum(['open', 'done', 'dropped']).optional(),
      goalId: z.string().min(1).max(64).nullable().optional(),
    })
    .refine(namesAChange, nothingToChange),
);

const milestone = z.strictObject({ id: clientId.optional(), title: text(LIMITS.title), due: date.optional() });

export const addGoalBody = bodyOf<contract.AddGoalBody>()(
  z.strictObject({
    id: clientId.optional(),
    kind: z.enum(['goal', 'development']),
    title: text(LIMITS.title),
    detail: text(LIMITS.detail).optional(),
    competency: text(LIMITS.title).optional(),
    learningFormat: z.enum(LEARNING_FORMATS).optional(),
    milestones: z.array(milestone).max(LIMITS.milestonesPerGoal).optional(),
  }),
);

export const editGoalBody = bodyOf<contract.EditGoalBody>()(
  z
    .strictObject({
      rev,
      title: text(LIMITS.title).optional(),
      detail: text(LIMITS.detail).nullable().optional(),
      competency: text(LIMITS.title).nullable().optional(),
      learningFormat: z.enum(LEARNING_FORMATS).nullable().optional(),
      status: z.enum(['active', 'achieved', 'dropped']).optional(),
      addMilestone: milestone.optional(),
      editMilestone: z
        .strictObject({
          id: z.string().min(1).max(64),
          title: text(LIMITS.title).optional(),
          due: date.nullable().optional(),
        })
        .optional(),
      completeMilestone: z.string().max(64).optional(),
      reopenMilestone: z.string().max(64).optional(),
      discussedIn: z.string().max(32).optional(),
    })
    .refine(namesAChange, nothingToChange),
);

export const addGoalCommentBody = bodyOf<contract.AddGoalCommentBody>()(
  z.strictObject({ id: clientId.optional(), text: text(LIMITS.detail) }),
);

export const periodQuery = z.strictObject({ from: dateTime.optional(), to: dateTime.optional() });
/** No query at all: a parameter such as `from` is named and refused rather than ignored. */
export const noQuery = z.strictObject({});
export const exportQuery = z.strictObject({ format: z.enum(['json', 'markdown']).default('json') });
export const meetingQuery = z
  .strictObject({
    chatId: z.string().min(1).max(300).optional(),
    pairId: z.string().min(1).max(64).optional(),
    // As the host gives it (Teams' meeting details, the Outlook appointment): any date-time Date.parse reads.
    meetingStart: z
      .string()
      .max(64)
      .refine((v) => !Number.isNaN(Date.parse(v)), 'must be a date-time')
      .optional(),
    // `agenda`: the session's agenda and its ETag in the same answer (a first screen in one round trip).
    include: z.enum(['agenda']).optional(),
  })
  .refine((q) => q.chatId !== undefined || q.pairId !== undefined, {
    message: 'name the meeting chat or the 1:1',
    path: ['chatId'],
  });
export const chatQuery = z.strictObject({ chatId: z.string().min(1).max(300) });
export const eventsQuery = z.strictObject({ access_token: z.string().max(8000).optional() });

export const linkSeriesBody = bodyOf<contract.LinkSeriesBody>()(
  z.strictObject({
    seriesId: z.string().regex(/^[A-Za-z0-9_=+/.:-]{1,512}$/, 'must be the id of a series in your calendar'),
  }),
);
export const carryOverBody = bodyOf<contract.CarryOverBody>()(
  z.strictObject({ fromPairId: clientId, goalIds: z.array(clientId).min(1).max(LIMITS.goalsPerPair) }),
);
export const historySharingBody = bodyOf<contract.HistorySharingBody>()(z.strictObject({ shared: z.boolean() }));
export const demoPersonBody = bodyOf<contract.DemoPersonBody>()(
  z
    .strictObject({ managerId: z.string().min(1).max(64).nullable().optional(), left: z.boolean().optional() })
    .refine((b) => b.managerId !== undefined || b.left !== undefined, {
      message: 'must say a new manager (managerId) or that the person left (left: true)',
      path: ['managerId'],
    }),
);
export const nowDiscussingBody = bodyOf<contract.NowDiscussingBody>()(
  z.strictObject({ topicId: z.string().max(64).nullable() }),
);
export const deepDiveChangeBody = bodyOf<contract.DeepDiveChangeBody>()(
  // One object rather than a union, so that a bad body names its field instead of "body: Invalid input".
  z
    .strictObject({ minutes: z.number().int().min(1).max(120).optional(), stop: z.literal(true).optional() })
    .refine((b) => (b.minutes === undefined) !== (b.stop === undefined), {
      message: 'give the minutes (1 to 120) or stop: true, one of the two',
      path: ['minutes'],
    }),
);
export const winBody = bodyOf<contract.WinBody>()(z.strictObject({ id: clientId.optional(), text: text(LIMITS.line) }));
export const attentionBody = bodyOf<contract.AttentionBody>()(
  z
    .strictObject({
      prompt: z.boolean().optional(),
      promptHoursBefore: z
        .number()
        .int()
        .refine((h) => (PROMPT_HOURS as readonly number[]).includes(h), `must be one of ${PROMPT_HOURS.join(', ')}`)
        .optional(),
      skipWhenMyTopics: z.boolean().optional(),
      nudges: z.boolean().optional(),
    })
    .refine((b) => Object.keys(b).length > 0, { message: 'name at least one setting to change', path: ['body'] }),
);
