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

/**
 * "Manage" on a 1:1: archive (read-only for both) or restore, and delete with everything in it after a
 * confirmation naming what goes. Menu and dialog are Fluent's, so arrows, Enter and Escape work.
 */
export function PairManageMenu({ api, pair, onChanged }: { api: TandemApi; pair: PairSummary; onChanged: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
      setError(undefined);
      setConfirming(false);
      onChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const restorable = pair.archived?.reason === 'by-person';
  const name = pair.other.displayName;
  return (
    <>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button aria-label={`Manage the 1:1 with ${name}`}>Manage</Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {!pair.archived && (
              <MenuItem onClick={() => void run(() => api.archivePair(pair.id))}>Archive (read-only)</MenuItem>
            )}
            {restorable && <MenuItem onClick={() => void run(() => api.unarchivePair(pair.id))}>Restore</MenuItem>}
            <MenuItem onClick={() => setConfirming(true)}>Delete…</MenuItem>
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
            <DialogTitle>Delete your 1:1 with {name}?</DialogTitle>
            <DialogContent>
              Its agenda, notes, goals and action items are deleted for both of you, with your private notes, and the
              meeting series is cancelled. {name} is told. This cannot be undone: to keep it readable, archive it
              instead.
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setConfirming(false)}>
                Keep it
              </Button>
              <Button appearance="primary" onClick={() => void run(() => api.deletePair(pair.id))}>
                Delete the 1:1
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
