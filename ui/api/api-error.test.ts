import { PROBLEM_CODES } from '../../core/errors';
import { PROBLEM_TYPES, problemUri } from '../../core/contract/problem';
import { LANGUAGES } from '../../core/i18n/locale';
import { CATALOGS } from '../../core/i18n/messages';
import { ApiError, CODE_SENTENCES, FALLBACK, sayProblem, TYPE_SENTENCES } from './api-error';

/** Field names of the API, as they appear in problems' `errors[].field` and in request bodies. */
const API_FIELDS = [
  'sessionId',
  'pairId',
  'reportId',
  'chatId',
  'topicId',
  'noteId',
  'itemId',
  'goalId',
  'fromPairId',
  'goalIds',
  'userId',
  'managerId',
  'allowDuplicate',
  'rev',
  'cadence',
  'durationMinutes',
  'startDate',
  'timeZone',
];

/** Every sentence the UI may show for a problem, in every language. */
function allSentences(): string[] {
  const said = [...Object.values(CODE_SENTENCES), ...PROBLEM_TYPES.map((t) => TYPE_SENTENCES[t]), FALLBACK];
  return said.flatMap((s) => LANGUAGES.map((language) => CATALOGS[language][s.id]));
}

describe("problems in people's words", () => {
  it('has a sentence for every code core sends and every problem type', () => {
    for (const code of PROBLEM_CODES) expect(CODE_SENTENCES[code]?.text).toMatch(/\w/);
    for (const type of PROBLEM_TYPES) expect(TYPE_SENTENCES[type]?.text).toMatch(/\w/);
    expect(Object.keys(CODE_SENTENCES).sort()).toEqual([...PROBLEM_CODES].sort());
  });

  it('names no API field and no camelCase identifier in any sentence', () => {
    for (const sentence of allSentences()) {
      for (const field of API_FIELDS) expect(sentence).not.toMatch(new RegExp(`\\b${field}\\b`));
      expect(sentence).not.toMatch(/\b[a-z]+[A-Z]\w*\b/);
      expect(sentence).not.toMatch(/[:]\s*this session/);
    }
  });

  it('says a held session the way people would, with the action, instead of the API detail', () => {
    const error = new ApiError({
      type: problemUri('conflict'),
      title: 'Conflict',
      status: 409,
      detail: 'sessionId: this session is held; add to the next one',
      code: 'session-ended',
    });
    expect(error.message).toBe('This meeting has already ended. Add it to the next one?');
    expect(error.said.action).toBe('add-to-next');
    expect(sayProblem({ type: 'https://elsewhere.example/x' }).text).toMatch(/did not work/);
  });
});
