import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useDocumentTitle } from '../hooks/use-document-title.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  useDocumentTitle(t('notFound.title'));
  const home = pathname.startsWith('/workspace') ? '/workspace' : '/';
  return (
    <section className="notice-page">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to={home}>{home === '/' ? t('notFound.home') : t('notAllowed.back')}</Link>
      </p>
    </section>
  );
}
