import { useEffect, useEffectEvent, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { useModals } from '../stores/modals.ts';
import { FOCUSABLE_SELECTOR, trapFocusIndex } from './focusTrap.ts';

interface ModalProps {
  title: ReactNode;
  children: ReactNode;
  /** Esc, or the dialog closed any other way than by the app. */
  onCancel: () => void;
  testId: string;
  /** The element to focus when the dialog opens; the first focusable one otherwise. */
  initialFocus?: RefObject<HTMLElement | null>;
  className?: string;
  /** Extra keys for the dialog's own use (e.g. "?" closes the shortcut list). */
  onKeyDown?: (e: KeyboardEvent<HTMLDialogElement>) => void;
}

/**
 * An accessible modal on the native <dialog>: the page behind is inert, Esc cancels, Tab cycles inside, and the
 * focus goes back where it was on close. Mounted = open; the parent unmounts it to close.
 */
export function Modal({ title, children, onCancel, testId, initialFocus, className, onKeyDown }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const cancel = useEffectEvent(() => onCancel());

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    let closingHere = false;
    const { opened, closed } = useModals.getState();
    opened();
    if (!dialog.open) dialog.showModal();
    (initialFocus?.current ?? dialog.querySelector<HTMLElement>(FOCUSABLE_SELECTOR))?.focus();

    const onCancelEvent = (e: Event) => {
      e.preventDefault(); // the parent decides; it closes by unmounting
      cancel();
    };
    // Chromium may close a dialog on Esc without a cancel event (no user activation since the last one).
    const onClose = () => {
      if (!closingHere) cancel();
    };
    dialog.addEventListener('cancel', onCancelEvent);
    dialog.addEventListener('close', onClose);
    return () => {
      dialog.removeEventListener('cancel', onCancelEvent);
      dialog.removeEventListener('close', onClose);
      closingHere = true;
      if (dialog.open) dialog.close();
      closed();
      if (returnTo?.isConnected === true) returnTo.focus();
    };
  }, [initialFocus]);

  const trapTab = (e: KeyboardEvent<HTMLDialogElement>) => {
    onKeyDown?.(e);
    if (e.key !== 'Tab' || e.defaultPrevented) return;
    const focusables = [...e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE_SELECTOR)];
    const active = document.activeElement;
    const index = focusables.findIndex((el) => el === active);
    const target = trapFocusIndex(index, focusables.length, e.shiftKey);
    if (target === null) return;
    e.preventDefault();
    focusables[target]?.focus();
  };

  return (
    <dialog ref={ref} className={`modal${className ? ` ${className}` : ''}`} aria-labelledby={titleId} data-testid={testId} onKeyDown={trapTab}>
      <h2 id={titleId} className="modal__title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
