import { translatorFor } from '../i18n/translator';
import { describeChange, statusActions as offered } from './goal-logic';
import { goalStrings } from './goal-strings';

const en = goalStrings(translatorFor('en'));
const de = goalStrings(translatorFor('de-DE'));
const statusActions = (role: 'manager' | 'report', goal: Parameters<typeof offered>[1]) => offered(role, goal, en);

describe('what the goal views offer', () => {
  it('offers the report accept or decline on a proposal, and the manager only withdrawing it', () => {
    const proposal = { kind: 'development', status: 'proposed' } as const;
    expect(statusActions('report', proposal).map((a) => a.label)).toEqual(['Accept', 'Decline']);
    expect(statusActions('manager', proposal).map((a) => a.label)).toEqual(['Withdraw proposal']);
  });

  it('offers the manager no status change on the report’s development item, either person one on a goal', () => {
    expect(statusActions('manager', { kind: 'development', status: 'active' })).toEqual([]);
    expect(statusActions('manager', { kind: 'goal', status: 'active' }).map((a) => a.status)).toEqual([
      'achieved',
      'dropped',
    ]);
    expect(statusActions('report', { kind: 'development', status: 'achieved' }).map((a) => a.label)).toEqual([
      'Reopen',
    ]);
  });

  it('says a change in people’s words', () => {
    const names: Record<string, string> = { blake: 'Blake Diaz' };
    expect(
      describeChange(
        { at: '2026-03-03T10:00:00Z', by: 'blake', kind: 'milestone-done', subject: 'Shadow one' },
        (id) => names[id] ?? id,
        en,
      ),
    ).toBe('Blake Diaz ticked milestone “Shadow one”');
    expect(
      describeChange(
        { at: '2026-03-03T10:00:00Z', by: 'blake', kind: 'milestone-done', subject: 'Shadow one' },
        (id) => names[id] ?? id,
        de,
      ),
    ).toBe('Blake Diaz hat den Meilenstein „Shadow one“ abgehakt');
  });
});
