import { useT } from '../i18n/useT.ts';

/** The page and the engine speak different protocol versions: only a reload (fetching the engine's page) helps. */
export function ProtocolMismatchScreen() {
  const t = useT();
  return (
    <main className="gate" data-testid="protocol-mismatch">
      <div className="gate__card">
        <h1>{t('protocol.title')}</h1>
        <p>{t('protocol.body')}</p>
        <div className="button-row">
          <button type="button" className="button button--primary" onClick={() => location.reload()}>
            {t('protocol.reload')}
          </button>
        </div>
      </div>
    </main>
  );
}
