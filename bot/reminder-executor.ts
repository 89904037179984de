import type { Logger } from 'pino';
import { NotFoundError } from '../core/errors';
import type { UseCases } from '../core/use-cases';
import type { JobDocument, JobExecutor, JobPlan } from '../core/ports/jobs';
import { agendaCard } from './cards/agenda-card';
import type { AdaptiveCardJson } from './cards/card';
import { noticeCard, noticeSummary, type PairNotice } from './cards/notice-card';
import { nudgeCard } from './cards/nudge-card';
import { proposalCard } from './cards/proposal-card';
import { recapCard } from './cards/recap-card';
import type { ConversationReferences } from './conversation-references';
import { ChatAudience, type AudienceOf } from './handlers/refresh';
import { translatorFor } from './i18n';
import type { MessageId, Translator } from '../core/i18n/messages';
import type { ProactiveMessenger } from './messenger';

/**
 * Turns a due reminder into a message, reading the data now (not when it was planned) through the
 * use-cases as its recipient. A recap fans out into one job per conversation: the meeting chat when the
 * bot is there, else both personal chats.
 */
export class ReminderExecutor implements JobExecutor {
  constructor(
    private readonly useCases: UseCases,
    private readonly refs: ConversationReferences,
    private readonly messenger: ProactiveMessenger,
    private readonly logger: Pick<Logger, 'warn'>,
    private readonly audience: AudienceOf = new ChatAudience(refs, { tandemUserOf: () => undefined }),
  ) {}

  async plan(job: JobDocument): Promise<JobPlan> {
    const p = job.payload;
    try {
      switch (job.kind) {
        case 'prompt':
          return await this.prompt(job);
        case 'recap':
          return await this.recap(job);
        case 'recap-send':
          return await this.recapSend(p.pairId!, p.sessionId!, p.viewerId!, p.to!, keepRecapUntil(job));
        case 'nudge':
          return await this.nudge(p.userId!, p.pairId!, p.itemId!, p.due!);
        case 'notice':
          // Built from the payload: a deleted 1:1 has nothing left to read. Worth telling for a week.
          return await this.toUser(
            p.to!,
            (t) => noticeCard(p.notice as PairNotice, p.otherName!, t, p.role as 'manager' | 'report' | undefined),
            noticeSummary(p.notice as PairNotice),
            new Date(Date.parse(job.dueAt) + 7 * 86_400_000).toISOString(),
          );
        case 'proposal':
          return await this.proposal(p.to!, p.fromPairId!, job.dueAt);
        default:
          return { type: 'skip', reason: `unknown job kind ${job.kind}` };
      }
    } catch (error) {
      // The pair or session is gone, or the person left it: nothing to say any more.
      if (error instanceof NotFoundError) return { type: 'skip', reason: error.message };
      throw error;
    }
  }

  private async prompt(job: JobDocument): Promise<JobPlan> {
    const { userId, pairId, sessionId, start } = job.payload as Record<string, string>;
    const { view, skip } = await this.useCases.attention.promptFor(userId!, pairId!, sessionId!);
    if (view.status !== 'upcoming') return { type: 'skip', reason: `the session is ${view.status}` };
    // Their choice, read now: prompts off, "nothing to add" for this session, or their topics already in.
    if (skip) return { type: 'skip', reason: `no prompt: ${skip}` };
    const later = movedLater(job, start, view.start, 'start');
    if (later) return later;
    // A prompt is worth sending until the meeting starts: kept until then for someone without the bot.
    return this.toUser(userId!, (t) => agendaCard(view, t), 'bot.summary.prompt', view.start);
  }

  private async recap(job: JobDocument): Promise<JobPlan> {
    const { pairId, sessionId, managerId, reportId } = job.payload as Record<string, string>;
    const view = await this.useCases.sessions.sharedAgenda(managerId!, pairId!, sessionId!);
    if (!view.recap)
      return (
        movedLater(job, job.payload.end, view.end, 'end') ?? { type: 'skip', reason: `the session is ${view.status}` }
      );
    const pair = await this.useCases.pairs.summary(managerId!, pairId!);
    const inChat = pair?.chatId && (await this.refs.forChat(pair.chatId));
    const targets = inChat
      ? [['chat', managerId!]]
      : [
          [reportId!, reportId!],
          [managerId!, managerId!],
        ];
    return {
      type: 'fan-out',
      jobs: targets.map(([to, viewerId]) => ({
        key: `${job.key}.${to === 'chat' ? 'chat' : to}`,
        kind: 'recap-send',
        dueAt: job.dueAt,
        payload: { pairId: pairId!, sessionId: sessionId!, viewerId: viewerId!, to: to! },
      })),
    };
  }

  private async recapSend(
    pairId: string,
    sessionId: string,
    viewerId: string,
    to: string,
    keepUntil: string,
  ): Promise<JobPlan> {
    const view = await this.useCases.sessions.sharedAgenda(viewerId, pairId, sessionId);
    if (!view.recap) return { type: 'skip', reason: `the session is ${view.status}` };
    const recap = view.recap;
    if (to !== 'chat') return this.toUser(to, (t) => recapCard(recap, view, t, to), 'bot.summary.recap', keepUntil);
    const pair = await this.useCases.pairs.summary(viewerId, pairId);
    const ref = pair?.chatId ? await this.refs.forChat(pair.chatId) : undefined;
    if (!ref) return this.notInstalled(`meeting chat of ${pairId}`, keepUntil);
    // Both people read the one message: written from neither side, in the chat's last language; its refresh
    // gives each their own recap in their own language.
    const t = translatorFor(ref.locale);
    const card = await this.audience.shared(recapCard(recap, view, t), view, undefined, 'recap');
    return {
      type: 'send',
      thread: ref.conversation!.id,
      send: () => this.messenger.sendCard(ref, card, t.t('bot.summary.recap')),
    };
  }

  private async nudge(userId: string, pairId: string, itemId: string, due: string): Promise<JobPlan> {
    const overview = await this.useCases.pairs.overview(userId, pairId);
    const item = overview.actionItems.find((a) => a.id === itemId);
    if (!item || item.status !== 'open' || item.ownerId !== userId || item.due !== due) {
      return { type: 'skip', reason: 'the action item changed since it was planned' };
    }
    if (!(await this.useCases.attention.get(userId)).nudges) return { type: 'skip', reason: 'nudges are off' };
    // "Due tomorrow" stays true until the due date begins.
    return this.toUser(
      userId,
      (t) => nudgeCard(pairId, item, overview.other.displayName, t),
      'bot.summary.nudge',
      `${due}T00:00:00.000Z`,
    );
  }

  /**
   * A new 1:1 proposed after a manager change, to the new manager and to the report: read when sent, so a
   * proposal acted on or put away meanwhile is not announced. Kept a month for someone without the bot.
   */
  private async proposal(to: string, fromPairId: string, dueAt: string): Promise<JobPlan> {
    const proposal = (await this.useCases.pairs.me(to)).proposals.find((p) => p.fromPairId === fromPairId);
    if (!proposal) return { type: 'skip', reason: 'the proposal was acted on or put away' };
    const oldManagerName =
      proposal.report.id === to ? (await this.useCases.pairs.summary(to, fromPairId))?.other.displayName : undefined;
    return this.toUser(
      to,
      (t) =>
        proposalCard(
          proposal.manager.id === to
            ? { role: 'manager', reportName: proposal.report.displayName }
            : { role: 'report', managerName: proposal.manager.displayName, oldManagerName: oldManagerName ?? '' },
          t,
        ),
      'card.proposal.summary',
      new Date(Date.parse(dueAt) + PROPOSAL_KEEP_DAYS * 86_400_000).toISOString(),
    );
  }

  /** In the person's own chat, in the language of their client when they last wrote to the bot. */
  private async toUser(
    userId: string,
    build: (t: Translator) => AdaptiveCardJson,
    summary: MessageId,
    keepUntil: string,
  ): Promise<JobPlan> {
    const ref = await this.refs.forUser(userId);
    if (!ref?.conversation) return this.notInstalled(`personal chat of ${userId}`, keepUntil);
    const t = translatorFor(ref.locale);
    const card = build(t);
    return { type: 'send', thread: ref.conversation.id, send: () => this.messenger.sendCard(ref, card, t.t(summary)) };
  }

  /** Kept (and looked at again shortly) until it is installed there or the message stops being useful. */
  private notInstalled(where: string, keepUntil: string): JobPlan {
    this.logger.warn(
      { where, keepUntil },
      'not sent yet: Tandem is not installed there (no conversation reference); kept until it is or the message is stale',
    );
    return { type: 'wait', reason: `not installed: ${where}`, keepUntil };
  }
}

/** A proposal is still worth announcing this long after it was made, once the person installs the bot. */
export const PROPOSAL_KEEP_DAYS = 30;

/** A recap is still worth sending this long after it was due, once the person installs the bot. */
export const RECAP_KEEP_DAYS = 7;

function keepRecapUntil(job: JobDocument): string {
  return new Date(Date.parse(job.dueAt) + RECAP_KEEP_DAYS * 86_400_000).toISOString();
}

/** The meeting moved later than the job was planned for: wait, due as much later, with the new time. */
function movedLater(job: JobDocument, planned: string | undefined, now: string, field: string): JobPlan | undefined {
  if (!planned || !(Date.parse(now) > Date.parse(planned))) return undefined;
  const until = new Date(Date.parse(job.dueAt) + Date.parse(now) - Date.parse(planned)).toISOString();
  return { type: 'wait', reason: 'the meeting moved later', until, payload: { ...job.payload, [field]: now } };
}
