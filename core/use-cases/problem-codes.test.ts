import { AVERY_BLAKE, useHarness } from '../../tests/support/use-case-harness';

/** Refusals people can meet carry a code the UI says in their words (ui/api/api-error.ts). */
describe('a write to a session that is over', () => {
  const h = useHarness();
  const { pairId } = AVERY_BLAKE;

  it('says session-ended for a held one, session-skipped for a skipped one', async () => {
    h.after(AVERY_BLAKE, 0);
    await expect(h.uc.topics.add('blake', pairId, AVERY_BLAKE.sessionId(0), { title: 'Late' })).rejects.toMatchObject({
      name: 'ConflictError',
      code: 'session-ended',
      field: 'sessionId',
    });
    await h.uc.schedule.skip('avery', pairId, AVERY_BLAKE.sessionId(1));
    await expect(h.uc.topics.add('blake', pairId, AVERY_BLAKE.sessionId(1), { title: 'x' })).rejects.toMatchObject({
      code: 'session-skipped',
    });
  });
});
