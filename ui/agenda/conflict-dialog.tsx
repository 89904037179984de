import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useT } from '../i18n/intl';

export interface EditConflict {
  /** What the thing is, e.g. "topic" or "note". */
  readonly what: string;
  readonly mine: string;
  readonly theirs: string;
  readonly keepMine: () => void;
  readonly keepTheirs: () => void;
}

const useStyles = makeStyles({
  version: {
    display: 'block',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    padding: tokens.spacingVerticalS,
    marginBlock: tokens.spacingVerticalXS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
});

/** Both versions side by side when an edit crossed someone else's: the person chooses, no text is dropped. */
export function ConflictDialog({ conflict }: { conflict: EditConflict | undefined }) {
  const styles = useStyles();
  const { t } = useT();
  if (!conflict) return null;
  return (
    <Dialog open modalType="alert">
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{t('agenda.conflictTitle', { what: conflict.what })}</DialogTitle>
          <DialogContent>
            <Text weight="semibold">{t('agenda.theirVersion')}</Text>
            <Text className={styles.version} data-testid="conflict-theirs">
              {conflict.theirs}
            </Text>
            <Text weight="semibold">{t('agenda.yourVersion')}</Text>
            <Text className={styles.version} data-testid="conflict-mine">
              {conflict.mine}
            </Text>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={conflict.keepMine}>
              {t('agenda.keepMine')}
            </Button>
            <Button onClick={conflict.keepTheirs}>{t('agenda.keepTheirs')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
