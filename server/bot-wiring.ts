import * as os from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Request, Response, Server } from 'restify';
import type { Clock } from '../core/clock';
import { recapReminder } from '../core/model/reminders';
import type { DocumentStore } from '../core/ports/document-store';
import type { UseCases } from '../core/use-cases';
import { createAdapter, serviceUrlAllowList } from '../bot/adapter';
import { PairChatMembership } from '../bot/chat-membership';
import { ConversationReferences } from '../bot/conversation-references';
import { ConfiguredIdentities } from '../bot/identity';
import { BotFrameworkMessenger } from '../bot/messenger';
import { ReminderExecutor } from '../bot/reminder-executor';
import { ChatAudience } from '../bot/handlers/refresh';
import { TandemBot } from '../bot/tandem-bot';
import type { PairNotice } from '../bot/cards/notice-card';
import type { Config } from './config';
import { readBody } from './http/body';
import { problem, sendProblem, toProblem } from './http/problem';
import type { ChangeHub } from './live/change-hub';
import { ChangePlanner, changesPlan } from './jobs/change-planner';
import { JobRunner } from './jobs/job-runner';
import { jobKeys, JobStore } from './jobs/job-store';
import { Lease } from './jobs/lease';
import { RateLimiter } from './jobs/rate-limiter';

const LEASE_TTL_MS = 30_000;
/** Jobs are written this far ahead of their due time: enough for a few planning rounds. */
const PLAN_HORIZON_MS = 5 * 60_000;
/** A recap or nudge missed while the service was down is still sent within this long. */
const PLAN_LOOKBACK_MS = 2 * 86_400_000;
const MAX_ACTIVITY_BYTES = 256 * 1024;

export interface RunningBot {
  readonly runner: JobRunner;
  /** Starts the job runner; call once the service listens. */
  start(): void;
  /** Stops the job runner (sends in flight finish) and releases its lease. */
  stop(): Promise<void>;
}

/** The bot at POST /api/messages and the job runner for its prompts, recaps and nudges. */
export function startBot(
  server: Server,
  deps: { config: Config; ops: DocumentStore; useCases: UseCases; clock: Clock; logger: Logger; hub: ChangeHub },
): RunningBot {
  const { config, ops, useCases, clock, logger, hub } = deps;
  const serviceUrlAllowed = config.bot.serviceUrls && serviceUrlAllowList(config.bot.serviceUrls);
  const identities = new ConfiguredIdentities(config.bot.identities, config.mode === 'm365');
  const refs = new ConversationReferences(ops, {
    membership: new PairChatMembership(identities, useCases.pairs),
    ...(serviceUrlAllowed && { serviceUrlAllowed }),
  });
  const adapter = createAdapter(config.bot.app, logger, { ...(serviceUrlAllowed && { serviceUrlAllowed }) });
  // Plans from changes (docs/performance.md, Planner): an idle minute reads no pair.
  const planner = new ChangePlanner({
    source: useCases.reminders,
    clock,
    horizonMs: PLAN_HORIZON_MS,
    lookbackMs: PLAN_LOOKBACK_MS,
    recapGraceMs: config.bot.recapGraceMs,
  });
  const unsubscribePlanner = hub.subscribeAll((change) => {
    if (changesPlan(change.kind)) planner.changed(change.pairId);
  });
  const jobs = new JobStore(ops);
  const runner: JobRunner = new JobRunner({
    jobs,
    lease: new Lease(
      ops,
      jobKeys.lease,
      `${os.hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
      LEASE_TTL_MS,
      clock,
    ),
    executor: new ReminderExecutor(
      useCases,
      refs,
      new BotFrameworkMessenger(adapter, config.bot.app?.id ?? ''),
      logger,
      new ChatAudience(refs, identities),
    ),
    limiter: new RateLimiter(),
    clock,
    logger,
    pollMs: config.bot.jobPollMs,
    planner: () => planner.due(),
  });
  const bot = new TandemBot({
    useCases,
    identities,
    refs,
    clock,
    logger,
  });
  // The one recap trigger: a session ended (Teams' meetingEnd through the bot, or End in any client), so its
  // recap is due now. Same key as the planned recap: whichever comes first sends it, and only once.
  const unsubscribe = hub.subscribeAll((change) => {
    if ((change.kind === 'pair-deleted' || change.kind === 'pair-archived') && change.onlyFor) {
      tellAboutPair(change.kind, change.pairId, change.by, change.onlyFor).catch((error: unknown) =>
        logger.error({ err: error, pairId: change.pairId }, 'could not tell about the 1:1'),
      );
      return;
    }
    if (change.kind === 'pair-proposed' && change.onlyFor) {
      // A new 1:1 proposed after a manager change: the bot tells the new manager and the report.
      runner
        .enqueue({
          key: `proposal.${change.pairId}.${change.onlyFor}`,
          kind: 'proposal',
          dueAt: clock.now().toISOString(),
          payload: { to: change.onlyFor, fromPairId: change.pairId },
        })
        .catch((error: unknown) => logger.error({ err: error, pairId: change.pairId }, 'could not plan the proposal'));
      return;
    }
    if (change.kind !== 'session-ended' || !change.sessionId) return;
    const sessionId = change.sessionId;
    useCases.pairs
      .overview(change.by, change.pairId)
      .then(async (pair) => {
        const recap = recapReminder(
          { id: pair.id, managerId: pair.manager.id, reportId: pair.report.id },
          sessionId,
          clock.now().getTime(),
        );
        if (!(await runner.enqueue(recap))) await runner.bringForward(recap.key, recap.dueAt);
      })
      .catch((error: unknown) => logger.error({ err: error, pairId: change.pairId }, 'could not plan the recap'));
  });
  // A 1:1 deleted or archived by someone else (or by the directory): its person hears it from the bot.
  // A deleted one's pending prompts, recaps and nudges go with it.
  async function tellAboutPair(kind: 'pair-deleted' | 'pair-archived', pairId: string, by: string, to: string) {
    let notice: PairNotice;
    let otherName: string;
    let role: string | undefined;
    if (kind === 'pair-deleted') {
      await jobs.dropForPair(pairId);
      notice = 'deleted';
      otherName = (await useCases.pairs.me(by).catch(() => undefined))?.user.displayName ?? by;
    } else {
      const pair = await useCases.pairs.summary(to, pairId);
      if (!pair?.archived || pair.archived.reason === 'by-person') return;
      // A report with a new manager hears it all from the proposal (below), not twice.
      if (pair.archived.newManagerId && pair.role === 'report') return;
      notice = pair.archived.reason;
      otherName = pair.other.displayName;
      role = pair.role;
    }
    await runner.enqueue({
      key: `notice.${pairId}.${notice}.${to}`,
      kind: 'notice',
      dueAt: clock.now().toISOString(),
      payload: { to, notice, otherName, ...(role && { role }) },
    });
  }
  server.post('/api/messages', (req: Request, res: Response, next) => {
    readActivity(req, serviceUrlAllowed)
      .then((body) => {
        (req as Request & { body: unknown }).body = body;
        return adapter.process(req, res, (context) => bot.run(context));
      })
      .catch((error: unknown) => {
        const p = toProblem(error);
        logger.warn({ status: p.problem.status, reason: p.problem.detail ?? p.problem.title }, 'bot activity refused');
        sendProblem(res, p);
      })
      .finally(() => next());
  });
  return {
    runner,
    start: () => runner.start(),
    stop: () => {
      unsubscribe();
      unsubscribePlanner();
      return runner.stop();
    },
  };
}

/**
 * An activity is JSON, sent as JSON: a `text/plain` "simple" POST from a web page (no CORS preflight) is
 * refused. In embedded mode it must name an allowed connector, so no reply or proactive message can be sent
 * anywhere else.
 */
async function readActivity(req: Request, serviceUrlAllowed: ((url: string) => boolean) | undefined): Promise<unknown> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    req.resume();
    throw problem(415, 'unsupported-media-type', 'Send the activity as JSON', {
      errors: [{ field: 'content-type', reason: 'must be application/json' }],
    });
  }
  let activity: unknown;
  try {
    activity = JSON.parse(await readBody(req, MAX_ACTIVITY_BYTES));
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw problem(400, 'validation', 'The activity is not valid JSON', {
      errors: [{ field: 'body', reason: 'is not valid JSON' }],
    });
  }
  const serviceUrl = (activity as { serviceUrl?: unknown } | null)?.serviceUrl;
  if (serviceUrlAllowed && !(typeof serviceUrl === 'string' && serviceUrlAllowed(serviceUrl))) {
    throw problem(403, 'forbidden', 'This connector is not allowed', {
      detail: 'embedded mode answers the local Agents Playground only (TANDEM_BOT_SERVICE_URLS)',
      errors: [{ field: 'serviceUrl', reason: 'is not an allowed connector' }],
    });
  }
  return activity;
}
