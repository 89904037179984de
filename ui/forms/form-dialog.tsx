import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { FormEvent, ReactNode } from 'react';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface FormDialogProps {
  readonly title: ReactNode;
  readonly cancelLabel: string;
  readonly saveLabel: string;
  readonly onClose: () => void;
  /** Called on "save" (the button or Enter); the dialog stays open until `onClose`. */
  readonly onSubmit: (event: FormEvent) => void;
  readonly open?: boolean;
  readonly busy?: boolean;
  readonly children: ReactNode;
}

/** A Fluent dialog holding one form: its fields, then Cancel and Save (submit), closed by Escape too. */
export function FormDialog({
  title,
  cancelLabel,
  saveLabel,
  onClose,
  onSubmit,
  open = true,
  busy,
  children,
}: FormDialogProps) {
  const styles = useStyles();
  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <form onSubmit={onSubmit}>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.form}>{children}</DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>
                {cancelLabel}
              </Button>
              <Button appearance="primary" type="submit" disabledFocusable={busy}>
                {saveLabel}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
