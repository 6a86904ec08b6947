import { useT } from '../../i18n/useT.ts';
import { useNotices } from '../../stores/notices.ts';
import { toastText } from './toastText.ts';

export function Toasts() {
  const t = useT();
  const toasts = useNotices((s) => s.toasts);
  const dismiss = useNotices((s) => s.dismiss);
  return (
    <section className="toasts" aria-label={t('toast.region')} aria-live="polite">
      {toasts.map((toast) => (
        <div
          key={toast.id}
          className={`toast toast--${toast.level}`}
          role={toast.level === 'info' ? 'status' : 'alert'}
          data-testid="toast"
          data-level={toast.level}
          data-code={toast.content.kind === 'notice' ? toast.content.code : undefined}
        >
          <p className="toast__text">{toastText(t, toast.content)}</p>
          <button
            type="button"
            className="toast__dismiss"
            data-testid="toast-dismiss"
            aria-label={t('toast.dismiss')}
            title={t('toast.dismiss')}
            onClick={() => dismiss(toast.id)}
          >
            <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
              <path d="M3 3l10 10M13 3L3 13" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            </svg>
          </button>
        </div>
      ))}
    </section>
  );
}
