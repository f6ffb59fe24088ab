import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { Permission } from '@tinhso/contracts';
import { NotAllowedPage } from '../pages/not-allowed-page.tsx';
import { hasPermission, useSession } from './session-context.tsx';

export function LoadingPage() {
  const { t } = useTranslation();
  return (
    <p className="loading loading--page" role="status">
      {t('states.loading')}
    </p>
  );
}

/** Where to sign in so as to come back here afterwards. */
export function useSignInPath(): string {
  const { pathname, search } = useLocation();
  return `/sign-in?next=${encodeURIComponent(pathname + search)}`;
}

/** Renders its children for a signed-in person; sends anyone else to the sign-in page. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const signInPath = useSignInPath();
  if (state.status === 'loading') return <LoadingPage />;
  if (state.status === 'anonymous') return <Navigate to={signInPath} replace />;
  return children;
}

/** Renders its children to holders of the permission; a typed address without it says so. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { state } = useSession();
  if (state.status !== 'signed_in' || !hasPermission(state.session, permission)) return <NotAllowedPage />;
  return children;
}
