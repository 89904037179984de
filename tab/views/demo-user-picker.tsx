import {
  Button,
  Text,
  makeStyles,
  teamsLightTheme,
  tokens,
  Radio,
  RadioGroup,
  Field,
} from '@fluentui/react-components';
import { useMemo, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { LocaleProvider, useT } from '../../ui/i18n/intl';
import { App } from '../app';
import { DEMO_USERS, browserHost, rememberUser, rememberedUser } from '../host/embedded-host';

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
  const [user, setUser] = useState(() => rememberedUser(search));
  const host = useMemo(() => (user ? browserHost(user, search) : undefined), [user, search]);

  if (host && user) {
    const banner = (
      <DemoBanner
        user={user}
        onSwitch={() => {
          rememberUser(undefined);
          setUser(undefined);
        }}
      />
    );
    return <App host={host} search={search} banner={banner} />;
  }
  return (
    <LocaleProvider locale={navigator.language} theme={teamsLightTheme} style={{ minHeight: '100vh' }}>
      <Picker
        onChosen={(choice) => {
          rememberUser(choice);
          setUser(choice);
        }}
      />
    </LocaleProvider>
  );
}

/** Rendered inside the app, so it speaks the app's language. */
function DemoBanner({ user, onSwitch }: { user: string; onSwitch: () => void }) {
  const styles = useStyles();
  const intl = useIntl();
  return (
    <div className={styles.banner} role="banner">
      <Text size={200}>
        {intl.formatMessage({ id: 'tab.demo.banner' }, { user, b: (chunks) => <strong>{chunks}</strong> })}
      </Text>
      <Button size="small" appearance="subtle" onClick={onSwitch}>
        {intl.formatMessage({ id: 'tab.demo.switch' })}
      </Button>
    </div>
  );
}

function Picker({ onChosen }: { onChosen: (user: string) => void }) {
  const styles = useStyles();
  const { t } = useT();
  const [choice, setChoice] = useState<string>(DEMO_USERS[0]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChosen(choice);
  };
  return (
    <main>
      <form className={styles.picker} onSubmit={submit}>
        <h1>Tandem</h1>
        <Text>{t('tab.demo.intro')}</Text>
        <Field label={t('tab.demo.label')}>
          <RadioGroup value={choice} onChange={(_, d) => setChoice(d.value)}>
            {DEMO_USERS.map((u) => (
              <Radio key={u} value={u} label={t(`tab.demo.${u}`)} />
            ))}
          </RadioGroup>
        </Field>
        <Button type="submit" appearance="primary">
          {t('tab.demo.continue')}
        </Button>
      </form>
    </main>
  );
}
