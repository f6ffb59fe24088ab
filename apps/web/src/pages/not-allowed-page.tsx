import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { hasPermission, useSession } from '../session/session-context.tsx';

export function NotAllowedPage() {
  const { t } = useTranslation();
  const { state } = useSession();
  useDocumentTitle(t('notAllowed.title'));
  const canUseWorkspace = state.status === 'signed_in' && hasPermission(state.session, 'workspace.access');
  return (
    <section className="notice-page">
      <h1>{t('notAllowed.title')}</h1>
      <p>{t('notAllowed.body')}</p>
      <p>
        {canUseWorkspace ? (
          <Link to="/workspace">{t('notAllowed.back')}</Link>
        ) : (
          <Link to="/">{t('notFound.home')}</Link>
        )}
      </p>
    </section>
  );
}
