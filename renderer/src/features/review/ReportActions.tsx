import { useState } from 'react';
import { useT } from '../../i18n/useT.ts';
import { ApiErrorMessage } from '../api/ApiErrorMessage.tsx';
import { downloadExport, type ExportKind } from './reviewApi.ts';

const BUTTONS: readonly { kind: ExportKind; testId: string; label: 'review.export.json' | 'review.export.events' | 'review.export.segments' | 'review.export.orders' }[] = [
  { kind: 'json', testId: 'export-json', label: 'review.export.json' },
  { kind: 'events', testId: 'export-events-csv', label: 'review.export.events' },
  { kind: 'segments', testId: 'export-segments-csv', label: 'review.export.segments' },
  { kind: 'orders', testId: 'export-orders-csv', label: 'review.export.orders' },
];

/** Downloads of the session (JSON to move it to another Cuedeck, CSV for spreadsheets) and the printable report. */
export function ReportActions({ sessionId }: { sessionId: string }) {
  const t = useT();
  const [pending, setPending] = useState<ExportKind | null>(null);
  const [error, setError] = useState<unknown>(null);

  // The desktop app saves a PDF straight away; a browser opens its print dialog (Save as PDF is there).
  const printReport = async () => {
    setError(null);
    const shell = window.cuedeckShell;
    if (!shell) {
      window.print();
      return;
    }
    try {
      await shell.savePageAsPdf(`cuedeck-review-${sessionId}.pdf`);
    } catch (e) {
      setError(e);
    }
  };

  const download = async (kind: ExportKind) => {
    setPending(kind);
    setError(null);
    try {
      await downloadExport(sessionId, kind);
    } catch (e) {
      setError(e);
    } finally {
      setPending(null);
    }
  };

  return (
    <div className="review-report-actions review__screen-only">
      <div className="button-row">
        <button type="button" className="button button--primary" data-testid="review-print" onClick={() => void printReport()}>
          {t('review.print')}
        </button>
        {BUTTONS.map((b) => (
          <button key={b.kind} type="button" className="button" data-testid={b.testId} disabled={pending !== null} onClick={() => void download(b.kind)}>
            {pending === b.kind ? t('review.export.pending') : t(b.label)}
          </button>
        ))}
      </div>
      {error !== null && <ApiErrorMessage error={error} testId="review-export-error" />}
    </div>
  );
}
