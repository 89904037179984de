import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, ArrowDownRegular, ArrowUpRegular, DeleteRegular } from '@fluentui/react-icons';
import { useEffect, useState, type FormEvent } from 'react';
import type { MessageId } from '../../core/i18n/messages';
import { isCustomSectionId, promptText, sectionHeading, TEMPLATE_LIMITS } from '../../core/model/templates';
import type { TandemApi } from '../api/client';
import type { PairSummary, TemplateInput, TemplateLibrary, TemplateSection } from '../api/types';
import { useT } from '../i18n/intl';
import { useErrorText } from '../i18n/use-error-text';

const useStyles = makeStyles({
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  sections: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '12em' },
  prompts: {
    listStyle: 'none',
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
});

type Draft = TemplateInput;

/** Where the editor starts: this 1:1's template, a built-in one or one of the manager's own. */
function choices(library: TemplateLibrary | undefined, current: Draft | undefined): Map<string, Draft> {
  const all = new Map<string, Draft>();
  if (current) all.set('current', current);
  for (const b of library?.builtIn ?? []) all.set(`built-in:${b.id}`, b.template);
  for (const o of library?.own ?? [])
    all.set(`own:${o.id}`, { ...o.template, sections: o.template.sections as TemplateSection[] });
  return all;
}

const newId = (prefix: string) => `${prefix}${Math.random().toString(36).slice(2, 10)}`;

/**
 * The manager shapes the 1:1's template: start from this one, a built-in one or one of their own; rename,
 * reorder (Move up / Move down), hide and add sections; write the prompts under each; set the deep dive's
 * timebox; optionally keep it as their own template. Saved, it applies from the next session on.
 */
export function TemplateDialog({
  api,
  pair,
  onSaved,
}: {
  api: TandemApi;
  pair: PairSummary;
  onSaved: (message: string) => void;
}) {
  const styles = useStyles();
  const { t } = useT();
  const errorText = useErrorText();
  const tt = (id: string, values?: Record<string, string | number>) => t(id as MessageId, values);
  const [open, setOpen] = useState(false);
  const [library, setLibrary] = useState<TemplateLibrary>();
  const [current, setCurrent] = useState<Draft>();
  const [draft, setDraft] = useState<Draft>();
  const [start, setStart] = useState('current');
  const [keepOwn, setKeepOwn] = useState(false);
  const [ownName, setOwnName] = useState('');
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [focusAfter, setFocusAfter] = useState<{ id: string; dir: 'up' | 'down' }>();

  useEffect(() => {
    if (!open) return;
    let live = true;
    void Promise.all([api.templates(), api.pairTemplate(pair.id)]).then(
      ([lib, view]) => {
        if (!live) return;
        const mine = { ...view.template, sections: view.template.sections as TemplateSection[] };
        setLibrary(lib);
        setCurrent(mine);
        setDraft(mine);
      },
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [open, api, pair.id]);

  useEffect(() => {
    if (!focusAfter) return;
    const wanted = document.getElementById(
      `template-move-${focusAfter.dir}-${focusAfter.id}`,
    ) as HTMLButtonElement | null;
    const other = document.getElementById(
      `template-move-${focusAfter.dir === 'up' ? 'down' : 'up'}-${focusAfter.id}`,
    ) as HTMLButtonElement | null;
    (wanted && !wanted.disabled ? wanted : other)?.focus();
    setFocusAfter(undefined);
  }, [focusAfter]);

  if (pair.role !== 'manager' || pair.archived) return null;

  const headingOf = (s: TemplateSection) =>
    sectionHeading(
      { id: s.id, ...(s.title !== undefined && { customTitle: s.title }), ...(s.titleKey && { titleKey: s.titleKey }) },
      (id) => t(id),
    );
  const defaultHeadingOf = (s: TemplateSection) =>
    sectionHeading({ id: s.id, ...(s.titleKey && { titleKey: s.titleKey }) }, (id) => t(id));
  const setSections = (change: (sections: TemplateSection[]) => TemplateSection[]) =>
    setDraft((d) => d && { ...d, sections: change([...d.sections]) });
  const setSection = (index: number, patch: Partial<TemplateSection>) =>
    setSections((all) => all.map((s, i) => (i === index ? dropUndefined({ ...s, ...patch }) : s)));
  const move = (index: number, delta: -1 | 1) => {
    const sections = draft!.sections;
    const to = index + delta;
    if (to < 0 || to >= sections.length) return;
    const moved = sections[index]!;
    setSections((all) => {
      all.splice(index, 1);
      all.splice(to, 0, moved);
      return all;
    });
    setStatus(t('template.moved', { title: headingOf(moved), position: to + 1, count: sections.length }));
    setFocusAfter({ id: moved.id, dir: delta < 0 ? 'up' : 'down' });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    const body: TemplateInput = {
      ...(draft.name !== undefined && { name: draft.name }),
      ...(draft.name === undefined && draft.nameKey !== undefined && { nameKey: draft.nameKey }),
      deepDiveMinutes: draft.deepDiveMinutes,
      sections: draft.sections.map((s) =>
        dropUndefined({
          ...s,
          prompts: s.prompts?.filter((p) => !('text' in p) || p.text.trim() !== ''),
        }),
      ),
    };
    try {
      if (keepOwn) await api.saveOwnTemplate(newId('own-'), { ...body, name: ownName });
      await api.setPairTemplate(pair.id, keepOwn ? { ...body, name: ownName } : body);
      setOpen(false);
      onSaved(t('template.saved'));
    } catch (e) {
      setError(t('template.failed', { reason: errorText(e) }));
    }
  };

  const options = choices(library, current);
  const sections = draft?.sections ?? [];
  return (
    <Dialog
      open={open}
      onOpenChange={(_, d) => {
        setOpen(d.open);
        if (d.open) {
          setError('');
          setStatus('');
          setStart('current');
          setKeepOwn(false);
          setOwnName('');
          setDraft(undefined);
        }
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button>{t('template.open')}</Button>
      </DialogTrigger>
      <DialogSurface>
        <form
          onSubmit={(e) => void submit(e)}
          aria-label={t('template.dialog.title', { name: pair.other.displayName })}
        >
          <DialogBody>
            <DialogTitle>{t('template.dialog.title', { name: pair.other.displayName })}</DialogTitle>
            <DialogContent className={styles.fields}>
              <Text>{t('template.dialog.intro')}</Text>
              {!draft && !error && <Spinner size="tiny" label={t('template.loading')} />}
              {draft && (
                <>
                  <Field label={t('template.startFrom')}>
                    <Select
                      value={start}
                      onChange={(_, d) => {
                        setStart(d.value);
                        const chosen = options.get(d.value);
                        if (chosen) setDraft({ ...chosen, sections: [...chosen.sections] });
                      }}
                    >
                      <option value="current">{t('template.startFrom.current')}</option>
                      <optgroup label={t('template.startFrom.builtIn')}>
                        {library?.builtIn.map((b) => (
                          <option key={b.id} value={`built-in:${b.id}`}>
                            {tt(b.template.nameKey)}
                          </option>
                        ))}
                      </optgroup>
                      {(library?.own.length ?? 0) > 0 && (
                        <optgroup label={t('template.startFrom.own')}>
                          {library?.own.map((o) => (
                            <option key={o.id} value={`own:${o.id}`}>
                              {o.template.name}
                            </option>
                          ))}
                        </optgroup>
                      )}
                    </Select>
                  </Field>
                  <ol className={styles.sections} aria-label={t('template.sections')}>
                    {sections.map((s, i) => {
                      const heading = headingOf(s);
                      const prompts = s.prompts ?? [];
                      return (
                        <li key={s.id} className={styles.section} data-template-section={s.id}>
                          <div className={styles.row}>
                            <Field className={styles.grow} label={t('template.sectionTitle', { position: i + 1 })}>
                              <Input
                                id={`template-title-${s.id}`}
                                value={s.title ?? defaultHeadingOf(s)}
                                maxLength={TEMPLATE_LIMITS.title}
                                onChange={(_, d) =>
                                  setSection(i, {
                                    title:
                                      d.value === defaultHeadingOf(s) && !isCustomSectionId(s.id) ? undefined : d.value,
                                  })
                                }
                              />
                            </Field>
                            <Button
                              id={`template-move-up-${s.id}`}
                              icon={<ArrowUpRegular />}
                              aria-label={t('template.moveUp', { title: heading })}
                              disabled={i === 0}
                              onClick={() => move(i, -1)}
                            />
                            <Button
                              id={`template-move-down-${s.id}`}
                              icon={<ArrowDownRegular />}
                              aria-label={t('template.moveDown', { title: heading })}
                              disabled={i === sections.length - 1}
                              onClick={() => move(i, 1)}
                            />
                            {isCustomSectionId(s.id) && (
                              <Button
                                icon={<DeleteRegular />}
                                aria-label={t('template.removeSection', { title: heading })}
                                onClick={() => setSections((all) => all.filter((x) => x.id !== s.id))}
                              />
                            )}
                          </div>
                          {s.id !== 'topics' && (
                            <Checkbox
                              label={t('template.hide', { title: heading })}
                              checked={s.hidden === true}
                              onChange={(_, d) => setSection(i, { hidden: d.checked === true ? true : undefined })}
                            />
                          )}
                          {prompts.length > 0 && (
                            <ul className={styles.prompts}>
                              {prompts.map((p, j) => (
                                <li key={j} className={styles.row}>
                                  <Field
                                    className={styles.grow}
                                    label={t('template.promptLabel', { position: j + 1, title: heading })}
                                  >
                                    <Input
                                      id={`template-prompt-${s.id}-${j}`}
                                      value={promptText(p, (id) => t(id))}
                                      maxLength={TEMPLATE_LIMITS.prompt}
                                      placeholder={t('template.newPrompt')}
                                      onChange={(_, d) =>
                                        setSection(i, {
                                          prompts: prompts.map((q, k) => (k === j ? { text: d.value } : q)),
                                        })
                                      }
                                    />
                                  </Field>
                                  <Button
                                    icon={<DeleteRegular />}
                                    aria-label={t('template.removePrompt', { position: j + 1, title: heading })}
                                    onClick={() => setSection(i, { prompts: prompts.filter((_, k) => k !== j) })}
                                  />
                                </li>
                              ))}
                            </ul>
                          )}
                          <div>
                            <Button
                              size="small"
                              appearance="subtle"
                              icon={<AddRegular />}
                              disabled={prompts.length >= TEMPLATE_LIMITS.promptsPerSection}
                              onClick={() => {
                                setSection(i, { prompts: [...prompts, { text: '' }] });
                                setTimeout(() =>
                                  document.getElementById(`template-prompt-${s.id}-${prompts.length}`)?.focus(),
                                );
                              }}
                            >
                              {t('template.addPrompt', { title: heading })}
                            </Button>
                          </div>
                        </li>
                      );
                    })}
                  </ol>
                  <div>
                    <Button
                      icon={<AddRegular />}
                      disabled={sections.length >= TEMPLATE_LIMITS.sections}
                      onClick={() => {
                        const id = newId('x-');
                        setSections((all) => [
                          ...all,
                          { id: id as TemplateSection['id'], title: t('template.newSection') },
                        ]);
                        setTimeout(() =>
                          (document.getElementById(`template-title-${id}`) as HTMLInputElement | null)?.select(),
                        );
                      }}
                    >
                      {t('template.addSection')}
                    </Button>
                  </div>
                  <Field label={t('template.deepDiveMinutes')}>
                    <Input
                      type="number"
                      min={1}
                      max={TEMPLATE_LIMITS.deepDiveMinutes}
                      value={String(draft.deepDiveMinutes)}
                      onChange={(_, d) => setDraft({ ...draft, deepDiveMinutes: Number(d.value) })}
                      required
                    />
                  </Field>
                  <Checkbox
                    label={t('template.saveAsOwn')}
                    checked={keepOwn}
                    onChange={(_, d) => setKeepOwn(d.checked === true)}
                  />
                  {keepOwn && (
                    <Field label={t('template.ownName')} required>
                      <Input
                        value={ownName}
                        maxLength={TEMPLATE_LIMITS.name}
                        onChange={(_, d) => setOwnName(d.value)}
                        required
                      />
                    </Field>
                  )}
                </>
              )}
              <Text role="status" size={200}>
                {status}
              </Text>
              {error && (
                <Text role="alert" size={200}>
                  {error}
                </Text>
              )}
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={!draft}>
                {t('template.save')}
              </Button>
              <DialogTrigger disableButtonEnhancement>
                <Button>{t('template.cancel')}</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

/** Fields set to undefined are dropped, so the strict body never carries `"title": undefined` semantics. */
function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
