import { useT } from '../i18n/useT.ts';
import { Link } from '../app/Link.tsx';
import { ROUTE_PATHS, VIEW_NAMES } from '../app/router.ts';
import { viewLabelKey } from '../app/viewLabel.ts';

export function NotFoundView({ path }: { path: string }) {
  const t = useT();
  return (
    <main className="view not-found" data-testid="not-found">
      <h1 className="view__heading">{t('notFound.title')}</h1>
      <p>{t('notFound.body', { path })}</p>
      <nav aria-label={t('notFound.links')}>
        <p className="eyebrow">{t('notFound.links')}</p>
        <ul className="link-list">
          {VIEW_NAMES.map((view) => (
            <li key={view}>
              <Link to={ROUTE_PATHS[view]} className="link-button">
                {t(viewLabelKey(view))}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </main>
  );
}
