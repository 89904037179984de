import {
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Field,
  Spinner,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { TandemApi } from '../../ui/api/client';
import type { ClientConfig } from '../../ui/api/client-config';
import { devTokenSource } from '../../ui/auth/dev-token-source';
import { OfficeHost } from '../office/office-host';
import { TaskPane } from '../views/task-pane';
import { addinMessages } from '../../ui/i18n/addin-messages';
import { LocaleProvider } from '../../ui/i18n/intl';
import { demoAppointment } from './demo-appointment';
import { createFakeOffice } from './fake-office';

/**
 * Embedded mode's Outlook sandbox: a simulated appointment beside the real task pane, which talks to it
 * through the fake Office.js exactly as it would talk to Outlook. Switch between the organizer and the
 * attendee, compose and read, and between the demo 1:1 and an ordinary event not yet made a 1:1.
 */
type Role = 'organizer' | 'attendee';
type Mode = 'compose' | 'read';
type EventKind = 'tandem' | 'ordinary';

interface SandboxEvents {
  readonly tandem: { readonly joinUrl: string; readonly start: string };
  readonly ordinary: { readonly joinUrl: string; readonly start: string };
}

/**
 * The invite body is shown as Outlook would render it, with scripts and event handlers refused by a CSP
 * (not the sandbox attribute: a frame without scripts cannot be checked by axe, which hangs on it).
 */
const NO_SCRIPTS =
  '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:">';

/** The sandbox exists in embedded mode only: the task pane signs in with dev tokens. */
const EMBEDDED: ClientConfig = { mode: 'embedded' };
const CASEY = { displayName: 'Casey Ng', emailAddress: 'casey@tandem.example' };

const useStyles = makeStyles({
  // Wide: the appointment on the left, the task pane on the right, as Outlook shows them. Narrow (the
  // sandbox's Outlook pane at 1366 px): the controls, then the task pane, then the invite, so the pane is
  // never pushed below the invite.
  page: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 360px',
    gridTemplateAreas: '"controls pane" "invite pane"',
    gridTemplateRows: 'auto 1fr',
    minHeight: '100vh',
    '@media (max-width: 720px)': {
      gridTemplateColumns: 'minmax(0, 1fr)',
      gridTemplateAreas: '"controls" "pane" "invite"',
      gridTemplateRows: 'auto auto auto',
    },
  },
  item: {
    gridArea: 'controls',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL} 0`,
    '@media (max-width: 720px)': { gap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalS },
  },
  intro: { '@media (max-width: 720px)': { display: 'none' } },
  controls: {
    display: 'flex',
    gap: tokens.spacingHorizontalXXL,
    flexWrap: 'wrap',
    '@media (max-width: 720px)': { columnGap: tokens.spacingHorizontalL, rowGap: 0 },
  },
  // Narrow: each choice on one line.
  choices: { '@media (max-width: 720px)': { flexDirection: 'row', flexWrap: 'wrap' } },
  invite: {
    gridArea: 'invite',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalXL,
    '@media (max-width: 720px)': { padding: tokens.spacingHorizontalS },
  },
  meta: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, margin: 0 },
  body: {
    width: '100%',
    minHeight: '420px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: 'white',
  },
  pane: {
    gridArea: 'pane',
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
    minHeight: '100vh',
    '@media (max-width: 720px)': {
      minHeight: 0,
      borderLeft: 'none',
      borderTop: `1px solid ${tokens.colorNeutralStroke1}`,
      borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    },
  },
});

/** A Teams-shaped chat id for the ordinary event, new per page load (it is not in Tandem until linked). */
function freshChatId(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  const thread = btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
  return `19:meeting_${thread}@thread.v2`;
}

async function loadEvents(): Promise<SandboxEvents> {
  const api = new TandemApi({ baseUrl: '', getToken: devTokenSource('avery') });
  const pair = (await api.me()).pairs.find((p) => p.id === 'avery-blake');
  if (!pair?.joinUrl || !pair.nextSession) throw new Error('The demo 1:1 of Avery and Blake is missing.');
  const chatId = freshChatId();
  const tomorrow = new Date(Date.now() + 86_400_000);
  tomorrow.setUTCHours(15, 0, 0, 0);
  return {
    tandem: { joinUrl: pair.joinUrl, start: pair.nextSession.start },
    ordinary: {
      joinUrl: `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(chatId)}/0?context=%7b%7d`,
      start: tomorrow.toISOString(),
    },
  };
}

function Sandbox() {
  const styles = useStyles();
  const [events, setEvents] = useState<SandboxEvents>();
  const [error, setError] = useState<string>();
  const [role, setRole] = useState<Role>('organizer');
  const [mode, setMode] = useState<Mode>('compose');
  const [kind, setKind] = useState<EventKind>('tandem');
  // The invite as last saved, per event: what the organizer inserted is what the attendee then reads.
  const bodies = useRef<Partial<Record<EventKind, string>>>({});
  const [, redraw] = useReducer((n: number) => n + 1, 0);

  useEffect(() => {
    loadEvents().then(setEvents, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  const fake = useMemo(() => {
    if (!events) return undefined;
    const appointment = demoAppointment({
      mode: role === 'attendee' ? 'read' : mode,
      role,
      ...events[kind],
      ...(kind === 'ordinary' && { attendee: CASEY, subject: 'Project sync with Casey' }),
    });
    const created = createFakeOffice({
      ...appointment,
      body: bodies.current[kind] ?? appointment.body,
      onChange: () => {
        bodies.current[kind] = created.state.body;
        redraw();
      },
    });
    return created;
  }, [events, role, mode, kind]);
  const host = useMemo(() => fake && new OfficeHost(fake.office), [fake]);

  if (error)
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          The sandbox needs Tandem in embedded mode (npm start, no tenant configured): {error}
        </MessageBarBody>
      </MessageBar>
    );
  if (!events || !fake || !host) return <Spinner label="Preparing the sandbox…" />;
  const item = demoAppointment({ mode, role, ...events[kind], ...(kind === 'ordinary' && { attendee: CASEY }) });
  return (
    <div className={styles.page}>
      <section className={styles.item} aria-label="Simulated Outlook appointment">
        <h1 style={{ margin: 0 }} className={styles.intro}>
          Tandem for Outlook: sandbox
        </h1>
        <Text className={styles.intro}>
          Embedded mode: a simulated Outlook appointment on the left, the Tandem add-in on the right, talking to it
          through a fake Office.js.
        </Text>
        <div className={styles.controls}>
          <Field label="Event">
            <RadioGroup className={styles.choices} value={kind} onChange={(_, d) => setKind(d.value as EventKind)}>
              <Radio value="tandem" label="Avery and Blake's 1:1" />
              <Radio value="ordinary" label="An ordinary event with Casey" />
            </RadioGroup>
          </Field>
          <Field label="You are">
            <RadioGroup className={styles.choices} value={role} onChange={(_, d) => setRole(d.value as Role)}>
              <Radio value="organizer" label="The organizer (Avery)" />
              <Radio value="attendee" label={`The attendee (${kind === 'ordinary' ? 'Casey' : 'Blake'})`} />
            </RadioGroup>
          </Field>
          <Field label="The invite is open for">
            <RadioGroup
              className={styles.choices}
              value={role === 'attendee' ? 'read' : mode}
              onChange={(_, d) => setMode(d.value as Mode)}
            >
              <Radio value="compose" label="Editing (compose)" disabled={role === 'attendee'} />
              <Radio value="read" label="Reading" />
            </RadioGroup>
          </Field>
        </div>
      </section>
      <section className={styles.invite} aria-label="The invite">
        <dl className={styles.meta}>
          <dt>Subject</dt>
          <dd>{item.subject}</dd>
          <dt>When</dt>
          <dd>{new Date(item.start).toLocaleString()}</dd>
          <dt>Organizer</dt>
          <dd>{item.organizer.displayName}</dd>
          <dt>Attachments</dt>
          <dd data-testid="attachments">
            {fake.state.attachments.length === 0
              ? 'none'
              : fake.state.attachments.map((a) => (
                  <a key={a.id} href={`data:text/html;base64,${a.base64}`} download={a.name}>
                    {a.name}
                  </a>
                ))}
          </dd>
        </dl>
        <iframe className={styles.body} title="Invite body" srcDoc={NO_SCRIPTS + fake.state.body} />
      </section>
      <div className={styles.pane}>
        <TaskPane key={`${kind}-${role}-${mode}`} host={host} config={EMBEDDED} />
      </div>
    </div>
  );
}

// As Outlook would show it with an English display language (the task pane's texts come from the catalogs).
createRoot(document.getElementById('root')!).render(
  <LocaleProvider locale="en-US" parts={[addinMessages]} theme={webLightTheme}>
    <Sandbox />
  </LocaleProvider>,
);
