import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { MAIN_ID, SkipLink } from '../components/skip-link.tsx';
import { useFocusOnNavigate } from '../hooks/use-focus-on-navigate.ts';
import { useProvinceName } from '../hooks/use-public-agencies.ts';
import { useUnreadNotifications } from '../hooks/use-unread-notifications.ts';
import { hasPermission, useSession } from '../session/session-context.tsx';

/** The citizen-facing frame: home, registration, sign-in, the account pages and the 404. */
export function PublicLayout({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const provinceName = useProvinceName();
  useFocusOnNavigate();
  return (
    <div className="page">
      <SkipLink />
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand">
            <span className="brand__name">{t('app.name')}</span>
            <span className="brand__province">{provinceName ?? t('app.tagline')}</span>
          </Link>
          <div className="site-header__tools">
            <PortalLinks />
            <AccountLinks />
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main id={MAIN_ID} tabIndex={-1} className="site-main">
        {children ?? <Outlet />}
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </div>
  );
}

/** The citizen's way into the one-stop portal; signed in, their dossiers and inbox with its unread count. */
function PortalLinks() {
  const { t } = useTranslation();
  const { state } = useSession();
  const isCitizen = state.status === 'signed_in' && state.session.kind === 'citizen';
  const unread = useUnreadNotifications(isCitizen);
  return (
    <nav aria-label={t('portal.nav.label')} className="account-links">
      <Link to="/procedures">{t('portal.nav.procedures')}</Link>
      <Link to="/track">{t('portal.nav.track')}</Link>
      <Link to="/verify">{t('verify.navLabel')}</Link>
      {isCitizen ? (
        <>
          <Link to="/my/dossiers">{t('portal.nav.myDossiers')}</Link>
          <Link to="/my/notifications">
            {t('portal.nav.notifications')}
            {unread ? (
              <span className="badge badge--count">
                <span aria-hidden="true">{unread}</span>
                <span className="visually-hidden">{t('portal.nav.unread', { count: unread })}</span>
              </span>
            ) : null}
          </Link>
        </>
      ) : null}
    </nav>
  );
}

function AccountLinks() {
  const { t } = useTranslation();
  const { state, signOut } = useSession();
  if (state.status === 'loading') return null;
  if (state.status === 'anonymous') {
    return (
      <nav aria-label={t('a11y.publicNav')} className="account-links">
        <Link to="/sign-in">{t('actions.signIn')}</Link>
        <Link to="/register">{t('actions.register')}</Link>
      </nav>
    );
  }
  return (
    <nav aria-label={t('a11y.publicNav')} className="account-links">
      {hasPermission(state.session, 'workspace.access') ? (
        <Link to="/workspace">{t('actions.workspace')}</Link>
      ) : null}
      <Link to="/account">{t('actions.myAccount')}</Link>
      <button
        type="button"
        className="button button--quiet"
        onClick={() => {
          void signOut({ redirectTo: '/' });
        }}
      >
        {t('actions.signOut')}
      </button>
    </nav>
  );
}
