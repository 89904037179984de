import type { CalendarLink } from '../../core/model/documents';
import { MsalTokenProvider } from '../../adapters/graph/auth/msal-token-provider';
import { GraphCalendar } from '../../adapters/graph/calendar/graph-calendar';
import { TokenGraphPrincipals } from '../../adapters/graph/client/graph-principals';
import { currentCaller, runAsCaller } from '../../server/auth/request-context';
import type { GraphEmulator } from '../graph-emulator/graph-emulator';
import { CLIENT_ID, CLIENT_SECRET, M365_PEOPLE, startM365, TENANT_ID, type M365Tandem } from '../support/m365';
import { jsonOf } from '../support/tandem-client';
import { formatTable, writeArtifact, type SectionOutcome } from './bench-report';

/**
 * Graph requests per user action in Microsoft 365 mode, counted at the Graph emulator, beside the fewest the
 * action could take; then the same with throttling injected, retries counted. Token requests go to the
 * identity provider and are not Graph requests.
 */

interface ActionFigures {
  readonly action: string;
  readonly requests: number;
  readonly batched: number;
  readonly minimum: number;
  readonly why: string;
  readonly throttled?: number;
}

const MINIMUM = {
  agenda: [2, 'one app-only $batch (pair, session, occurrences) + one delegated read (own private notes)'],
  topic: [2, 'one read of the current state ($batch) + one conditional write'],
  series: [2, 'create the event + write the pair (pair and chat index in one $batch)'],
  sync: [5, '50 series × (master + instances) = 100 reads, 20 per $batch'],
} as const;

const SYNC_PAIRS = 50;

export async function graphRequestsBench(): Promise<SectionOutcome> {
  const m365 = await startM365();
  try {
    const calm = await measure(m365, 'calm', false);
    const throttled = await measure(m365, 'throttled', true);
    const rows = calm.map((c, i) => {
      const t = throttled[i]!;
      return [
        c.action,
        String(c.requests),
        String(c.batched),
        String(c.minimum),
        `${(c.requests / c.minimum).toFixed(1)}×`,
        `${t.requests} (${t.throttled} refused, retried)`,
      ];
    });
    console.log(
      formatTable(['action', 'Graph requests', 'in $batch', 'minimum', 'vs minimum', 'under 429s: requests'], rows),
    );
    for (const c of calm) console.log(`  minimum for "${c.action}": ${c.why}`);
    const problems = m365.graph.violations.map((v) => `request outside the Graph subset: ${v}`);
    const artifact = writeArtifact('graph-requests.json', { calm, throttled });
    return { ok: problems.length === 0, problems, artifact };
  } finally {
    await m365.close();
  }
}

async function measure(m365: M365Tandem, label: string, throttle: boolean): Promise<ActionFigures[]> {
  const { graph } = m365;
  const avery = await m365.client('avery');
  const blake = await m365.client('blake');
  await avery.request('GET', '/api/me');
  await blake.request('GET', '/api/me');
  const figures: ActionFigures[] = [];
  const count = async (action: keyof typeof MINIMUM, name: string, run: () => Promise<unknown>) => {
    if (throttle) {
      graph.inject({ kind: 'status', status: 429, retryAfterSeconds: 0, times: 2 });
      graph.inject({ kind: 'status', status: 429, retryAfterSeconds: 0, inBatch: true, times: 2 });
    }
    const mark = graph.requests.length;
    await run();
    graph.faults.length = 0;
    const seen = graph.since(mark);
    const top = seen.filter((r) => !r.batched);
    figures.push({
      action: name,
      requests: top.length,
      batched: seen.length - top.length,
      minimum: MINIMUM[action][0],
      why: MINIMUM[action][1],
      ...(throttle && { throttled: seen.filter((r) => r.status === 429).length }),
    });
  };

  let pairId = '';
  await count('series', 'create a series', async () => {
    const created = await avery.request('POST', '/api/pairs', {
      body: {
        id: `bench-${label}`,
        reportId: M365_PEOPLE.blake.id,
        cadence: { frequency: 'biweekly', startDate: '2030-01-08', time: '10:00', timeZone: 'Europe/Berlin' },
      },
    });
    if (created.status !== 201) throw new Error(`create failed: ${created.status} ${created.text}`);
    pairId = jsonOf<{ id: string }>(created).id;
  });
  const listed = await blake.request(
    'GET',
    `/api/pairs/${pairId}/sessions?from=2030-01-01T00:00:00.000Z&to=2030-02-01T00:00:00.000Z`,
  );
  const sessionId = jsonOf<{ sessions: { id: string }[] }>(listed).sessions[0]!.id;
  await count('agenda', 'open the agenda', async () => {
    const agenda = await blake.request('GET', `/api/pairs/${pairId}/sessions/${sessionId}`);
    if (agenda.status !== 200) throw new Error(`agenda failed: ${agenda.status}`);
  });
  await count('topic', 'add a topic', async () => {
    const added = await blake.request('POST', `/api/pairs/${pairId}/sessions/${sessionId}/topics`, {
      body: { title: `Bench topic ${label}` },
    });
    if (added.status !== 201) throw new Error(`topic failed: ${added.status}`);
  });
  const { calendar, links } = await syncFixture(m365, graph);
  await count('sync', `sync ${SYNC_PAIRS} pairs`, () =>
    calendar.listOccurrencesOfMany(links, new Date('2030-01-01T00:00:00Z'), new Date('2030-02-01T00:00:00Z')),
  );
  return figures;
}

let fixture: { calendar: GraphCalendar; links: CalendarLink[] } | undefined;

/** 50 series on Avery's calendar, made through the adapter as Avery (not counted). */
async function syncFixture(m365: M365Tandem, graph: GraphEmulator) {
  if (fixture) return fixture;
  const tokens = new MsalTokenProvider({
    tenantId: TENANT_ID,
    clientId: CLIENT_ID,
    credential: { kind: 'secret', secret: CLIENT_SECRET },
    authorityHost: m365.idp.url,
  });
  const principals = new TokenGraphPrincipals({ baseUrl: graph.url, tokens, currentCaller });
  const calendar = new GraphCalendar(principals);
  const assertion = await m365.idp.userToken(M365_PEOPLE.avery.id);
  const links = await runAsCaller({ userId: M365_PEOPLE.avery.id, assertion }, async () => {
    const made: CalendarLink[] = [];
    for (let i = 0; i < SYNC_PAIRS; i++) {
      made.push(
        await calendar.createSeries({
          organizerId: M365_PEOPLE.avery.id,
          attendeeId: M365_PEOPLE.casey.id,
          subject: `Bench 1:1 ${i}`,
          transactionId: `bench-sync-${i}`,
          cadence: {
            frequency: 'weekly',
            startDate: '2030-01-08',
            time: '09:00',
            timeZone: 'Europe/Berlin',
            durationMinutes: 30,
          },
        }),
      );
    }
    return made;
  });
  fixture = { calendar, links };
  return fixture;
}
