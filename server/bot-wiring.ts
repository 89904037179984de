import * as os from 'node:os';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { Request, Response, Server } from 'restify';
import type { Clock } from '../core/clock';
import { recapReminder } from '../core/model/reminders';
import type { DocumentStore } from '../core/ports/document-store';
import type { UseCases } from '../core/use-cases';
import { createAdapter } from '../bot/adapter';
import { ConversationReferences } from '../bot/conversation-references';
import { ConfiguredIdentities } from '../bot/identity';
import { BotFrameworkMessenger } from '../bot/messenger';
import { ReminderExecutor } from '../bot/reminder-executor';
import { TandemBot } from '../bot/tandem-bot';
import type { Config } from './config';
import type { ChangeHub } from './live/change-hub';
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
  const refs = new ConversationReferences(ops);
  const adapter = createAdapter(config.bot.app, logger);
  const runner: JobRunner = new JobRunner({
    jobs: new JobStore(ops),
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
    ),
    limiter: new RateLimiter(),
    clock,
    logger,
    pollMs: config.bot.jobPollMs,
    planner: () =>
      useCases.reminders.plan({
        horizonMs: PLAN_HORIZON_MS,
        lookbackMs: PLAN_LOOKBACK_MS,
        recapGraceMs: config.bot.recapGraceMs,
      }),
  });
  const bot = new TandemBot({
    useCases,
    identities: new ConfiguredIdentities(config.bot.identities, config.mode === 'm365'),
    refs,
    clock,
    logger,
  });
  // The one recap trigger: a session ended (Teams' meetingEnd through the bot, or End in any client), so its
  // recap is due now. Same key as the planned recap: whichever comes first sends it, and only once.
  const unsubscribe = hub.subscribeAll((change) => {
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
  server.post('/api/messages', (req: Request, res: Response, next) => {
    readJson(req)
      .then((body) => {
        (req as Request & { body: unknown }).body = body;
        return adapter.process(req, res, (context) => bot.run(context));
      })
      .catch((error: unknown) => {
        logger.warn({ err: error }, 'bad bot activity');
        if (!res.headersSent) res.send(400, { error: 'invalid activity' });
      })
      .finally(() => next());
  });
  return {
    runner,
    start: () => runner.start(),
    stop: () => {
      unsubscribe();
      return runner.stop();
    },
  };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_ACTIVITY_BYTES) throw new Error('activity too large');
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}
