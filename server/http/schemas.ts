import { z } from 'zod';
import { FREQUENCIES } from '../../core/model/cadence';
import { LEARNING_FORMATS } from '../../core/model/documents';
import { TOPIC_SECTIONS } from '../../core/model/sections';

/**
 * Edge validation: shapes and types. Rules that need state (membership, sessions, limits on text after
 * trimming) are the use-cases'. Objects are strict so a misspelt field is named instead of ignored.
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
const section = z.enum(TOPIC_SECTIONS);

export const devTokenBody = z.strictObject({ user: z.string().min(1).max(64) });

export const createPairBody = z.strictObject({
  id: clientId.optional(),
  reportId: z.string().min(1).max(200),
  cadence: z.strictObject({
    frequency: z.enum(FREQUENCIES),
    startDate: date,
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:mm'),
    timeZone: z.string().min(1).max(64),
    durationMinutes: z.number().int().min(15).max(240).default(30),
  }),
});

/** An existing Outlook event with a Teams meeting, made a 1:1 (the Outlook add-in). */
export const linkPairBody = createPairBody.extend({
  chatId: z.string().min(1).max(300),
  joinUrl: z
    .url({ protocol: /^https$/, message: 'must be an https URL' })
    .max(4000)
    .optional(),
  seriesId: z.string().min(1).max(1000).optional(),
  attendees: z.array(z.string().min(1).max(320)).max(500).optional(),
});

export const addTopicBody = z.strictObject({
  id: clientId.optional(),
  title: z.string().max(1000),
  detail: z.string().max(10_000).optional(),
  section: section.optional(),
});

/** An edit names something to change besides the revision it started from: an empty edit is a mistake. */
const namesAChange = (body: object) => Object.keys(body).length > 1;
const nothingToChange = { message: 'name at least one field to change', path: ['rev'] };

export const editTopicBody = z
  .strictObject({
    rev,
    title: z.string().max(1000).optional(),
    detail: z.string().max(10_000).nullable().optional(),
    section: section.optional(),
    discussed: z.boolean().optional(),
  })
  .refine(namesAChange, nothingToChange);

export const reorderBody = z.strictObject({ section, topicIds: z.array(z.string().max(64)).max(500) });

export const addNoteBody = z.strictObject({
  id: clientId.optional(),
  text: z.string().max(50_000),
  private: z.boolean().default(false),
});

export const editNoteBody = z.strictObject({ text: z.string().max(50_000), rev, private: z.boolean().default(false) });

export const privateQuery = z.strictObject({
  private: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const checkInBody = z.strictObject({ mood: score, line: z.string().max(1000).optional() });
export const feedbackBody = z.strictObject({ id: clientId.optional(), text: z.string().max(20_000) });
export const ratingBody = z.strictObject({ score });
export const deepDiveBody = z.strictObject({ topicId: z.string().max(64), minutes: z.number().int().optional() });
export const moveBody = z.strictObject({ start: dateTime });

export const addActionItemBody = z.strictObject({
  id: clientId.optional(),
  text: z.string().max(2000),
  ownerId: z.string().min(1).max(200),
  due: date,
  sessionId: z.string().max(32),
});

export const editActionItemBody = z
  .strictObject({
    rev,
    text: z.string().max(2000).optional(),
    ownerId: z.string().min(1).max(200).optional(),
    due: date.optional(),
    status: z.enum(['open', 'done', 'dropped']).optional(),
  })
  .refine(namesAChange, nothingToChange);

const milestone = z.strictObject({ id: clientId.optional(), title: z.string().max(1000), due: date.optional() });

export const addGoalBody = z.strictObject({
  id: clientId.optional(),
  kind: z.enum(['goal', 'development']),
  title: z.string().max(1000),
  detail: z.string().max(10_000).optional(),
  competency: z.string().max(1000).optional(),
  learningFormat: z.enum(LEARNING_FORMATS).optional(),
  milestones: z.array(milestone).max(50).optional(),
});

export const editGoalBody = z
  .strictObject({
    rev,
    title: z.string().max(1000).optional(),
    detail: z.string().max(10_000).nullable().optional(),
    status: z.enum(['active', 'achieved', 'dropped']).optional(),
    addMilestone: milestone.optional(),
    completeMilestone: z.string().max(64).optional(),
    reopenMilestone: z.string().max(64).optional(),
    discussedIn: z.string().max(32).optional(),
  })
  .refine(namesAChange, nothingToChange);

export const periodQuery = z.strictObject({ from: dateTime.optional(), to: dateTime.optional() });
export const exportQuery = z.strictObject({ format: z.enum(['json', 'markdown']).default('json') });
export const chatQuery = z.strictObject({ chatId: z.string().min(1).max(300) });
export const eventsQuery = z.strictObject({ access_token: z.string().max(8000).optional() });
