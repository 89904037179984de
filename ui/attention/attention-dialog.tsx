import { Button, Field, Select, Switch, Text, useRestoreFocusTarget } from '@fluentui/react-components';
import { AlertRegular } from '@fluentui/react-icons';
import { useState, type FormEvent } from 'react';
import { PROMPT_HOURS } from '../../core/model/attention';
import type { TandemApi } from '../api/client';
import type { AttentionSettings } from '../api/types';
import { FormDialog } from '../forms/form-dialog';
import { useT } from '../i18n/intl';
import { useErrorText } from '../i18n/use-error-text';

/**
 * "Reminders": what the bot interrupts this person with, for all their 1:1s. The same choices as the bot's
 * `settings` card; the service re-plans their reminders on save.
 */
export function AttentionDialog({ api }: { readonly api: TandemApi }) {
  const { t } = useT();
  const errorText = useErrorText();
  const [settings, setSettings] = useState<AttentionSettings>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [said, setSaid] = useState('');
  // Focus goes back to "Reminders" once the dialog closes (Fluent's DialogTrigger does this for its own).
  const restoreFocusTarget = useRestoreFocusTarget();

  const show = () => {
    setError('');
    setSaid('');
    setOpen(true);
    api.attention().then(setSettings, (e: unknown) => setError(t('attention.failed', { reason: errorText(e) })));
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!settings) return;
    setBusy(true);
    api
      .changeAttention(settings)
      .then(
        (stored) => {
          setSettings(stored);
          setOpen(false);
          setSaid(t('attention.saved'));
        },
        (e: unknown) => setError(t('attention.failed', { reason: errorText(e) })),
      )
      .finally(() => setBusy(false));
  };
  const change = (patch: Partial<AttentionSettings>) => settings && setSettings({ ...settings, ...patch });

  return (
    <>
      <Button size="small" appearance="subtle" icon={<AlertRegular />} {...restoreFocusTarget} onClick={show}>
        {t('attention.open')}
      </Button>
      <Text role="status" size={200}>
        {said}
      </Text>
      {/* Closed, not unmounted: a Fluent dialog unmounted while open leaves the page aria-hidden. */}
      <FormDialog
        title={t('attention.title')}
        cancelLabel={t('attention.cancel')}
        saveLabel={t('attention.save')}
        onClose={() => setOpen(false)}
        onSubmit={save}
        open={open}
        busy={busy || !settings}
      >
        {error && <Text role="alert">{error}</Text>}
        {settings && (
          <>
            <Switch
              label={t('attention.prompt')}
              checked={settings.prompt}
              onChange={(_, d) => change({ prompt: d.checked })}
            />
            <Field label={t('attention.hours')}>
              <Select
                value={String(settings.promptHoursBefore)}
                disabled={!settings.prompt}
                onChange={(_, d) => change({ promptHoursBefore: Number(d.value) })}
              >
                {PROMPT_HOURS.map((hours) => (
                  <option key={hours} value={hours}>
                    {t('attention.hoursChoice', { hours })}
                  </option>
                ))}
              </Select>
            </Field>
            <Switch
              label={t('attention.skipWhenMyTopics')}
              checked={settings.skipWhenMyTopics}
              disabled={!settings.prompt}
              onChange={(_, d) => change({ skipWhenMyTopics: d.checked })}
            />
            <Switch
              label={t('attention.nudges')}
              checked={settings.nudges}
              onChange={(_, d) => change({ nudges: d.checked })}
            />
            <Text size={200}>{t('attention.recapNote')}</Text>
          </>
        )}
      </FormDialog>
    </>
  );
}
