import { useRef, useState, type ChangeEvent } from 'react';
import { Link } from '../../app/Link.tsx';
import { reviewPath } from '../../app/router.ts';
import { useT } from '../../i18n/useT.ts';
import { ApiErrorMessage } from '../api/ApiErrorMessage.tsx';
import { importSession } from './reviewApi.ts';

type Outcome = { kind: 'done'; file: string; id: string } | { kind: 'failed'; file: string; error: unknown };

/** Brings a show exported from another Cuedeck (its export.json) into this one; the engine checks the file. */
export function SessionImport({ onImported }: { onImported: () => void }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const target = e.currentTarget;
    const file = target.files?.[0];
    target.value = ''; // choosing the same file again must fire again
    if (file === undefined) return;
    setPending(true);
    setOutcome(null);
    try {
      const id = await importSession(await file.text());
      setOutcome({ kind: 'done', file: file.name, id });
      onImported();
    } catch (error) {
      setOutcome({ kind: 'failed', file: file.name, error });
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="review-import">
      <button type="button" className="button" data-testid="session-import-button" disabled={pending} onClick={() => input.current?.click()}>
        {pending ? t('review.import.reading') : t('review.import.button')}
      </button>
      <input ref={input} type="file" accept=".json,application/json" hidden data-testid="session-import" onChange={(e) => void choose(e)} />
      {outcome?.kind === 'done' && (
        <p className="form-success" role="status" data-testid="session-import-done">
          {t('review.import.done', { file: outcome.file })}{' '}
          <Link to={reviewPath(outcome.id)} className="inline-link">
            {t('review.import.open')}
          </Link>
        </p>
      )}
      {outcome?.kind === 'failed' && (
        <div className="review-import__error">
          <p className="review-import__file">{t('review.import.failed', { file: outcome.file })}</p>
          <ApiErrorMessage error={outcome.error} testId="session-import-error" />
        </div>
      )}
    </div>
  );
}
