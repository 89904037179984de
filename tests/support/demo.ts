import { TandemClient, type MeView } from './tandem-client';

/** The seeded demo 1:1 (server/seed-demo.ts): weekly, held last week, next one tomorrow 10:00 UTC. */
export const PAIR = 'avery-blake';
/** The other seeded 1:1, every two weeks. */
export const OTHER_PAIR = 'avery-casey';
/** Avery's third report's 1:1, monthly. */
export const THIRD_PAIR = 'avery-emery';
/** Seeded texts that must stay where they belong. */
export const SEEDED_PRIVATE_NOTE = 'Blake seems stretched by on-call; check in on workload next time.';
export const SEEDED_NEXT_TOPIC = 'Promotion timeline';

export interface Demo {
  readonly avery: TandemClient;
  readonly blake: TandemClient;
  readonly devon: TandemClient;
  /** The upcoming session of avery-blake. */
  readonly nextSessionId: string;
  /** The held session a week before it. */
  readonly heldSessionId: string;
}

/** Signs in the demo users and finds avery-blake's sessions through the API, as a client would. */
export async function signInDemo(baseUrl: string): Promise<Demo> {
  const [avery, blake, devon] = await Promise.all(
    ['avery', 'blake', 'devon'].map((user) => TandemClient.signIn(baseUrl, user)),
  );
  const me = await blake!.getJson<MeView>('/api/me');
  const next = me.pairs.find((p) => p.id === PAIR)?.nextSession;
  if (!next) throw new Error(`blake has no upcoming session of ${PAIR}: ${JSON.stringify(me)}`);
  return {
    avery: avery!,
    blake: blake!,
    devon: devon!,
    nextSessionId: next.id,
    heldSessionId: sessionIdAt(new Date(Date.parse(next.start) - 7 * 86_400_000)),
  };
}

/** Session ids are the occurrence's original start in UTC, basic format: 20261124T090000Z. */
export function sessionIdAt(start: Date): string {
  return start.toISOString().slice(0, 19).replace(/[-:]/g, '') + 'Z';
}

export function startOfSession(sessionId: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(sessionId);
  if (!m) throw new Error(`not a session id: ${sessionId}`);
  return new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
}

export function sessionPath(sessionId: string, pairId = PAIR): string {
  return `/api/pairs/${pairId}/sessions/${sessionId}`;
}
