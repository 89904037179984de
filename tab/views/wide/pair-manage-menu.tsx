import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarBody,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { TandemApi } from '../../../ui/api/client';
import type { PairSummary } from '../../../ui/api/types';
import { useT } from '../../../ui/i18n/intl';
import { useErrorText } from '../../../ui/i18n/use-error-text';

/**
 * "Manage" on a 1:1: archive (read-only for both) or restore, and delete with everything in it after a
 * confirmation naming what goes. Menu and dialog are Fluent's, so arrows, Enter and Escape work.
 */
export function PairManageMenu({ api, pair, onChanged }: { api: TandemApi; pair: PairSummary; onChanged: () => void }) {
  const { t } = useT();
  const errorText = useErrorText();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
      setError(undefined);
      setConfirming(false);
      onChanged();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const restorable = pair.archived?.reason === 'by-person';
  const name = pair.other.displayName;
  return (
    <>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button aria-label={t('manage.label', { name })}>{t('manage.button')}</Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {!pair.archived && (
              <MenuItem onClick={() => void run(() => api.archivePair(pair.id))}>{t('manage.archive')}</MenuItem>
            )}
            {restorable && (
              <MenuItem onClick={() => void run(() => api.unarchivePair(pair.id))}>{t('manage.restore')}</MenuItem>
            )}
            <MenuItem onClick={() => setConfirming(true)}>{t('manage.delete')}</MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <Dialog open={confirming} onOpenChange={(_, d) => setConfirming(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('manage.deleteTitle', { name })}</DialogTitle>
            <DialogContent>{t('manage.deleteBody', { name })}</DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setConfirming(false)}>
                {t('manage.keep')}
              </Button>
              <Button appearance="primary" onClick={() => void run(() => api.deletePair(pair.id))}>
                {t('manage.deleteConfirm')}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
