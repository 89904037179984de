import type { TurnContext } from 'botbuilder';
import { pairByChat, userOf, type HandlerDeps } from './turn';

const HOUR = 3_600_000;

/** What the bot asks of the job runner: the meeting ended, so the recap is due now (still sent once). */
export interface RecapTrigger {
  meetingEnded(pair: { id: string; managerId: string; reportId: string }, sessionId: string): Promise<void>;
}

/** Teams' meetingStart and meetingEnd in a 1:1's meeting chat start and end its session. */
export class MeetingEvents {
  constructor(
    private readonly deps: HandlerDeps,
    private readonly recaps: RecapTrigger,
  ) {}

  async onMeeting(context: TurnContext, state: 'started' | 'ended'): Promise<void> {
    const { useCases, logger, clock } = this.deps;
    const userId = userOf(this.deps, context);
    const chatId = context.activity.conversation.id;
    if (!userId) return logger.warn({ chatId }, `meeting ${state}: the sender is not a known user`);
    const pair = await pairByChat(this.deps, userId, chatId);
    if (!pair) return logger.info({ chatId }, `meeting ${state}: no 1:1 uses this meeting`);
    const now = clock.now().getTime();
    const slots = await useCases.schedule.list(userId, pair.id, new Date(now - 12 * HOUR), new Date(now + HOUR));
    const current = slots
      .filter((s) => Date.parse(s.start) <= now + HOUR && s.status !== 'cancelled' && s.status !== 'skipped')
      .pop();
    if (!current) return logger.info({ pairId: pair.id }, `meeting ${state}: no session around now`);
    await useCases.sessions.setState(userId, pair.id, current.id, state);
    if (state === 'ended') {
      const managerId = pair.role === 'manager' ? userId : pair.other.id;
      const reportId = pair.role === 'report' ? userId : pair.other.id;
      await this.recaps.meetingEnded({ id: pair.id, managerId, reportId }, current.id);
    }
  }
}
