import { makeStyles, tokens } from '@fluentui/react-components';
import { useContext } from 'react';
import { IntlContext } from 'react-intl';
import { promptText } from '../../core/model/templates';
import type { MessageId } from '../../core/i18n/messages';
import type { SectionView, TemplatePrompt } from '../api/types';
import { useTOrEnglish } from '../i18n/intl';

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    fontStyle: 'italic',
  },
});

/**
 * A section's heading as the template names it: the manager's words, a built-in template's title in the
 * reader's language, else the title the agenda always had. Outside a LocaleProvider (some component tests)
 * the built-in title is its English one.
 */
export function useSectionHeading(): (section: SectionView) => string {
  const intl = useContext(IntlContext);
  return (s) => s.customTitle ?? (s.titleKey && intl ? intl.formatMessage({ id: s.titleKey as MessageId }) : s.title);
}

/** The questions a template asks under a section's heading, in the reader's language. */
export function SectionPrompts({ prompts, heading }: { prompts?: readonly TemplatePrompt[]; heading: string }) {
  if (!prompts || prompts.length === 0) return null;
  return <PromptList prompts={prompts} heading={heading} />;
}

function PromptList({ prompts, heading }: { prompts: readonly TemplatePrompt[]; heading: string }) {
  const styles = useStyles();
  const { t } = useTOrEnglish();
  return (
    <ul className={styles.list} aria-label={t('template.prompts', { section: heading })} data-testid="section-prompts">
      {prompts.map((p, i) => (
        <li key={i}>{promptText(p, t)}</li>
      ))}
    </ul>
  );
}
