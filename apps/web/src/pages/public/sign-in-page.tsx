import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import type { LoginResult, SessionInfo } from '@tinhso/contracts';
import { login } from '../../api/auth.ts';
import { FormAlert, SuccessMessage } from '../../components/form-feedback.tsx';
import { SubmitButton, TextField } from '../../components/form-fields.tsx';
import { useAction } from '../../hooks/use-action.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { formSecret, formText } from '../../lib/form-data.ts';
import { hasFlag } from '../../lib/navigation-state.ts';
import { useSession } from '../../session/session-context.tsx';

const FIELDS = ['username', 'password', 'totp'];

/**
 * Where a person goes after signing in: MFA enrolment first if due, then the change of an initial
 * password (the server refuses everything else until both are done), then where they were going.
 */
export function destinationAfterSignIn(session: SessionInfo, next: string | null): string {
  if (session.mfaSetupRequired) return '/account/mfa';
  if (session.passwordChangeRequired) return '/account';
  // Only paths of this site: "//evil.example" would leave it.
  if (next?.startsWith('/') && !next.startsWith('//')) return next;
  return session.kind === 'official' ? '/workspace' : '/account';
}

export function SignInPage() {
  const { t } = useTranslation();
  const { state, setSession } = useSession();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const [isCodeNeeded, setCodeNeeded] = useState(false);
  const signIn = useAction(login);
  useDocumentTitle(t('signIn.title'));

  const next = searchParams.get('next');
  // Also the way out after a successful sign-in: setSession below re-renders into this redirect.
  if (state.status === 'signed_in') {
    return <Navigate to={destinationAfterSignIn(state.session, next)} replace />;
  }

  const onResult = (result: LoginResult) => {
    if (result.status === 'mfa_required') setCodeNeeded(true);
    else setSession(result.session);
  };

  return (
    <section className="narrow">
      <h1>{t('signIn.title')}</h1>
      {hasFlag(location.state, 'registered') ? (
        <SuccessMessage>{t('register.success')}</SuccessMessage>
      ) : null}
      <form
        noValidate
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const totp = formText(form, 'totp');
          void signIn
            .run({
              username: formText(form, 'username'),
              password: formSecret(form, 'password'),
              ...(isCodeNeeded && totp !== '' ? { totp } : {}),
            })
            .then((outcome) => {
              if (outcome.ok) onResult(outcome.value);
            });
        }}
      >
        <FormAlert error={signIn.error} fields={FIELDS} />
        <TextField
          name="username"
          label={t('signIn.username')}
          hint={t('signIn.usernameHint')}
          error={signIn.error}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
        />
        <TextField
          name="password"
          type="password"
          label={t('signIn.password')}
          error={signIn.error}
          autoComplete="current-password"
        />
        {isCodeNeeded ? (
          <>
            <p className="alert alert--info" role="status">
              {t('signIn.mfaRequired')}
            </p>
            <TextField
              name="totp"
              label={t('signIn.totp')}
              hint={t('signIn.totpHint')}
              error={signIn.error}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              pattern="[0-9]{6}"
              autoFocus
            />
          </>
        ) : null}
        <SubmitButton isPending={signIn.isPending} pendingLabel={t('signIn.pending')}>
          {t('signIn.submit')}
        </SubmitButton>
      </form>
      <p>
        {t('signIn.noAccount')} <Link to="/register">{t('actions.register')}</Link>
      </p>
    </section>
  );
}
