import { useRef, type ReactNode } from 'react';
import { Modal } from './Modal.tsx';

interface ConfirmDialogProps {
  title: ReactNode;
  body: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** 'danger' for actions that end something on air (stop the stream, delete). */
  tone?: 'primary' | 'danger';
  /** Which button has the focus at first: Enter then does the safe thing for risky actions. */
  focus?: 'confirm' | 'cancel';
  onConfirm: () => void;
  onCancel: () => void;
}

/** "Are you sure?" before an action that cannot be taken back on air. */
export function ConfirmDialog({ title, body, confirmLabel, cancelLabel, tone = 'primary', focus = 'confirm', onConfirm, onCancel }: ConfirmDialogProps) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Modal title={title} onCancel={onCancel} testId="confirm-dialog" initialFocus={focus === 'confirm' ? confirmRef : cancelRef}>
      <div className="modal__body">{body}</div>
      <div className="modal__actions">
        <button ref={cancelRef} type="button" className="button" data-testid="confirm-no" onClick={onCancel}>
          {cancelLabel}
        </button>
        <button
          ref={confirmRef}
          type="button"
          className={`button ${tone === 'danger' ? 'button--danger' : 'button--primary'}`}
          data-testid="confirm-yes"
          onClick={onConfirm}
        >
          {confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
