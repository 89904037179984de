import {
  Button,
  FluentProvider,
  Text,
  makeStyles,
  teamsLightTheme,
  tokens,
  Radio,
  RadioGroup,
  Field,
} from '@fluentui/react-components';
import { useMemo, useState, type FormEvent } from 'react';
import { App } from '../app';
import { DEMO_USERS, browserHost, rememberUser, rememberedUser } from '../host/embedded-host';

const NAMES: Record<string, string> = {
  avery: 'Avery Chen — manager of Blake and Casey',
  blake: 'Blake Diaz — reports to Avery',
  casey: 'Casey Ng — reports to Avery',
  devon: 'Devon Park — another team',
};

const useStyles = makeStyles({
  picker: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalXL,
    maxWidth: '480px',
  },
  banner: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground3,
    flexWrap: 'wrap',
  },
});

/** Outside Teams (embedded mode): pick a demo user, then the same app runs with a dev token. */
export function EmbeddedRoot({ search }: { search: URLSearchParams }) {
  const styles = useStyles();
  const [user, setUser] = useState(() => rememberedUser(search));
  const [choice, setChoice] = useState<string>(DEMO_USERS[0]);
  const host = useMemo(() => (user ? browserHost(user, search) : undefined), [user, search]);

  if (host && user) {
    const banner = (
      <div className={styles.banner} role="banner">
        <Text size={200}>
          Embedded mode · signed in as <strong>{user}</strong>
        </Text>
        <Button
          size="small"
          appearance="subtle"
          onClick={() => {
            rememberUser(undefined);
            setUser(undefined);
          }}
        >
          Switch user
        </Button>
      </div>
    );
    return <App host={host} search={search} banner={banner} />;
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    rememberUser(choice);
    setUser(choice);
  };
  return (
    <FluentProvider theme={teamsLightTheme} style={{ minHeight: '100vh' }}>
      <main>
        <form className={styles.picker} onSubmit={submit}>
          <h1>Tandem</h1>
          <Text>Embedded mode: no Microsoft 365 tenant. Choose a demo user to continue.</Text>
          <Field label="Demo user">
            <RadioGroup value={choice} onChange={(_, d) => setChoice(d.value)}>
              {DEMO_USERS.map((u) => (
                <Radio key={u} value={u} label={NAMES[u]} />
              ))}
            </RadioGroup>
          </Field>
          <Button type="submit" appearance="primary">
            Continue
          </Button>
        </form>
      </main>
    </FluentProvider>
  );
}
