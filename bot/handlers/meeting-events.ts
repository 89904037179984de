import type { TurnContext } from 'botbuilder';
import { DomainError, NotFoundError } from '../../core/errors';
import type { MeetingSession } from '../../core/use-cases/sessions';
import { userOf, type HandlerDeps } from './turn';

/** Teams' meetingStart and meetingEnd in a 1:1's meeting chat start and end the session it is (core's rule). */
export class MeetingEvents {
  constructor(private readonly deps: HandlerDeps) {}

  async onMeeting(context: TurnContext, state: 'started' | 'ended'): Promise<void> {
    const { useCases, logger } = this.deps;
    const userId = userOf(this.deps, context);
    const chatId = context.activity.conversation.id;
    if (!userId) return logger.warn({ chatId }, `meeting ${state}: the sender is not a known user`);
    let found: MeetingSession;
    try {
      found = await useCases.sessions.forMeeting(userId, { chatId });
    } catch (error) {
      if (error instanceof NotFoundError) return logger.info({ chatId }, `meeting ${state}: no 1:1 uses this meeting`);
      throw error;
    }
    const { pairId, sessionId } = found;
    // A meeting event is about now: a session that is merely the next one is not this meeting.
    if (!sessionId || found.match === 'next') return logger.info({ pairId }, `meeting ${state}: no session around now`);
    // Ending it publishes 'session-ended', and that alone plans the recap now, whoever ended the meeting.
    try {
      await useCases.sessions.setState(userId, pairId, sessionId, state);
    } catch (error) {
      // Teams' event cannot be refused or retried by anyone: a rule that says no (the session already held,
      // the 1:1 archived) is logged here, never a failed turn.
      if (!(error instanceof DomainError)) throw error;
      logger.warn(
        { pairId, sessionId, code: error.code, reason: error.message },
        `meeting ${state}: the session was left as it is`,
      );
    }
  }
}
