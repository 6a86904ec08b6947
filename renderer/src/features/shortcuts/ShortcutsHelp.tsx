import { useRef } from 'react';
import { useT } from '../../i18n/useT.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { Modal } from '../../ui/Modal.tsx';

const ROWS: readonly { keys: MessageKey; what: MessageKey }[] = [
  { keys: 'shortcuts.keys.scene', what: 'shortcuts.what.scene' },
  { keys: 'shortcuts.keys.take', what: 'shortcuts.what.take' },
  { keys: 'shortcuts.keys.preset', what: 'shortcuts.what.preset' },
  { keys: 'shortcuts.keys.panic', what: 'shortcuts.what.panic' },
  { keys: 'shortcuts.keys.panicUndo', what: 'shortcuts.what.panicUndo' },
  { keys: 'shortcuts.keys.help', what: 'shortcuts.what.help' },
];

/** The list of keys; "?" or Esc closes it. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const t = useT();
  const closeRef = useRef<HTMLButtonElement>(null);
  return (
    <Modal
      title={t('shortcuts.title')}
      testId="shortcuts-help"
      className="modal--shortcuts"
      onCancel={onClose}
      initialFocus={closeRef}
      onKeyDown={(e) => {
        if (e.key === '?') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <table className="shortcut-table">
        <tbody>
          {ROWS.map((row) => (
            <tr key={row.keys}>
              <th scope="row">
                <kbd>{t(row.keys)}</kbd>
              </th>
              <td>{t(row.what)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t('shortcuts.note')}</p>
      <div className="modal__actions">
        <button ref={closeRef} type="button" className="button" data-testid="shortcuts-help-close" onClick={onClose}>
          {t('dialog.close')}
        </button>
      </div>
    </Modal>
  );
}
