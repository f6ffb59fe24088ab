import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { NAVIGATION, type SessionInfo } from '@tinhso/contracts';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { MAIN_ID, SkipLink } from '../components/skip-link.tsx';
import { useFocusOnNavigate } from '../hooks/use-focus-on-navigate.ts';
import { useProvinceName } from '../hooks/use-public-agencies.ts';
import { useUnreadNotifications } from '../hooks/use-unread-notifications.ts';
import { NotAllowedPage } from '../pages/not-allowed-page.tsx';
import { LoadingPage, useSignInPath } from '../session/guards.tsx';
import { hasPermission, useSession } from '../session/session-context.tsx';
import { PublicLayout } from './public-layout.tsx';

/** The officers' workspace: only for signed-in officials who hold workspace.access and have set up MFA if due. */
export function WorkspaceLayout() {
  const { state } = useSession();
  const signInPath = useSignInPath();
  if (state.status === 'loading') return <LoadingPage />;
  if (state.status === 'anonymous') return <Navigate to={signInPath} replace />;
  if (state.session.mfaSetupRequired) return <Navigate to="/account/mfa" replace />;
  if (state.session.passwordChangeRequired) return <Navigate to="/account" replace />;
  if (!hasPermission(state.session, 'workspace.access')) {
    return (
      <PublicLayout>
        <NotAllowedPage />
      </PublicLayout>
    );
  }
  return <WorkspaceShell session={state.session} />;
}

function WorkspaceShell({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const { pathname } = useLocation();
  const provinceName = useProvinceName();
  const unread = useUnreadNotifications(true);
  const navId = useId();
  const menuButton = useRef<HTMLButtonElement>(null);
  const [isMenuOpen, setMenuOpen] = useState(false);
  useFocusOnNavigate();

  useEffect(() => {
    setMenuOpen(false);
  }, [pathname]);

  const entries = NAVIGATION.filter((entry) => hasPermission(session, entry.permission));
  return (
    <div className="page workspace">
      <SkipLink />
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/workspace" className="brand">
            <span className="brand__name">{t('app.name')}</span>
            <span className="brand__province">{provinceName ?? t('app.tagline')}</span>
          </Link>
          <div className="site-header__tools">
            <button
              ref={menuButton}
              type="button"
              className="button button--quiet menu-button"
              aria-expanded={isMenuOpen}
              aria-controls={navId}
              onClick={() => {
                setMenuOpen((open) => !open);
              }}
            >
              <span aria-hidden="true" className="menu-button__icon" />
              {t('nav.menu')}
            </button>
            <Link to="/account" className="user-link">
              <span className="visually-hidden">{t('actions.myAccount')}: </span>
              {session.displayName}
            </Link>
            <LanguageSwitch />
            <button
              type="button"
              className="button button--quiet"
              onClick={() => {
                void signOut({ redirectTo: '/' });
              }}
            >
              {t('actions.signOut')}
            </button>
          </div>
        </div>
      </header>
      <div className="workspace__body">
        <nav
          id={navId}
          aria-label={t('a11y.mainNav')}
          className={isMenuOpen ? 'workspace-nav workspace-nav--open' : 'workspace-nav'}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && isMenuOpen) {
              setMenuOpen(false);
              menuButton.current?.focus();
            }
          }}
        >
          <ul>
            {entries.map((entry) => (
              <li key={entry.path}>
                <NavLink to={entry.path} end={entry.path === '/workspace'}>
                  {t(entry.labelKey)}
                  {entry.path === '/workspace/notifications' && unread ? (
                    <span className="workspace-nav__count">
                      <span aria-hidden="true">{unread}</span>
                      <span className="visually-hidden">{t('officialInbox.unread', { count: unread })}</span>
                    </span>
                  ) : null}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main id={MAIN_ID} tabIndex={-1} className="workspace__main">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
