import { Badge, Button, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { useAgendaStrings } from './agenda-strings';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS, minHeight: '28px' },
  heading: { margin: 0, flexGrow: 1, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  toggle: { justifyContent: 'flex-start', paddingInline: 0, minWidth: 0, fontWeight: tokens.fontWeightSemibold },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, paddingInlineStart: '4px' },
});

export interface AgendaSectionProps {
  readonly id: string;
  readonly title: string;
  /** How many things it holds, shown beside the heading when collapsed or open. */
  readonly count?: number;
  readonly open: boolean;
  readonly onOpen: (open: boolean) => void;
  /** When given, a "+" beside the heading opens the section at its add row (sections with nothing yet). */
  readonly onAdd?: () => void;
  readonly children: ReactNode;
}

/**
 * One part of the agenda document: a heading that folds it (its button says whether it is open) and, when
 * open, its content. A section with nothing in it takes only its heading.
 */
export function AgendaSection({ id, title, count, open, onOpen, onAdd, children }: AgendaSectionProps) {
  const S = useAgendaStrings();
  const styles = useStyles();
  const bodyId = `section-body-${id}`;
  return (
    <section className={styles.section} aria-labelledby={`section-${id}`} data-section={id}>
      <div className={styles.head}>
        <h2 className={styles.heading} id={`section-${id}`}>
          <Button
            className={styles.toggle}
            appearance="transparent"
            size="small"
            icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
            aria-expanded={open}
            aria-controls={open ? bodyId : undefined}
            onClick={() => onOpen(!open)}
          >
            {title}
          </Button>
        </h2>
        {count !== undefined && count > 0 && (
          <Badge appearance="tint" color="informative" size="small" aria-label={`${count}`}>
            {count}
          </Badge>
        )}
        {onAdd && (
          <Button appearance="subtle" size="small" icon={<AddRegular />} aria-label={S.addTo(title)} onClick={onAdd} />
        )}
      </div>
      {open && (
        <div className={styles.body} id={bodyId}>
          {children}
        </div>
      )}
    </section>
  );
}
