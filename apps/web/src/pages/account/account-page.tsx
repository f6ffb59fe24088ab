import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LIMITS, type ChangePassword } from '@tinhso/contracts';
import { changePassword } from '../../api/auth.ts';
import { FormAlert, SuccessMessage } from '../../components/form-feedback.tsx';
import { SubmitButton, TextField } from '../../components/form-fields.tsx';
import { useAction } from '../../hooks/use-action.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { formSecret } from '../../lib/form-data.ts';
import { hasPermission, useSession, useSignedInSession } from '../../session/session-context.tsx';
import { NotificationChannels } from './notification-channels.tsx';

export function AccountPage() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  useDocumentTitle(t('account.title'));
  return (
    <section className="narrow">
      <h1>{t('account.title')}</h1>
      {session.passwordChangeRequired ? (
        <p className="alert alert--info">{t('account.mustChangePassword')}</p>
      ) : null}
      <section className="panel" aria-labelledby="account-profile">
        <h2 id="account-profile">{t('account.profile')}</h2>
        <dl className="details">
          <dt>{t('account.name')}</dt>
          <dd>{session.displayName}</dd>
          <dt>{t('account.username')}</dt>
          <dd>{session.username}</dd>
          <dt>{t('account.kind')}</dt>
          <dd>{t(`accountKind.${session.kind}`)}</dd>
          <dt>{t('account.mfa')}</dt>
          <dd>{session.mfaEnabled ? t('account.mfaOn') : t('account.mfaOff')}</dd>
        </dl>
        <p className="actions">
          {session.mfaEnabled ? null : (
            <Link className="button" to="/account/mfa">
              {t('account.setUpMfa')}
            </Link>
          )}
          {hasPermission(session, 'workspace.access') ? (
            <Link className="button" to="/workspace">
              {t('actions.workspace')}
            </Link>
          ) : null}
        </p>
      </section>
      {session.kind === 'citizen' ? <NotificationChannels /> : null}
      <ChangePasswordForm />
    </section>
  );
}

function ChangePasswordForm() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  // The server lifts the hold of an initial password; the session says so after a refresh.
  const change = useAction(async (body: ChangePassword) => {
    await changePassword(body);
    await refresh();
  });
  return (
    <section className="panel" aria-labelledby="account-password">
      <h2 id="account-password">{t('account.changePassword')}</h2>
      <form
        noValidate
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          const formElement = event.currentTarget;
          const form = new FormData(formElement);
          void change
            .run({
              currentPassword: formSecret(form, 'currentPassword'),
              newPassword: formSecret(form, 'newPassword'),
            })
            .then((outcome) => {
              if (outcome.ok) formElement.reset();
            });
        }}
      >
        <FormAlert error={change.error} fields={['currentPassword', 'newPassword']} />
        {change.isDone ? <SuccessMessage>{t('account.passwordChanged')}</SuccessMessage> : null}
        <TextField
          name="currentPassword"
          type="password"
          label={t('account.currentPassword')}
          error={change.error}
          autoComplete="current-password"
        />
        <TextField
          name="newPassword"
          type="password"
          label={t('account.newPassword')}
          hint={t('account.newPasswordHint', { min: LIMITS.passwordMin })}
          error={change.error}
          autoComplete="new-password"
          minLength={LIMITS.passwordMin}
        />
        <SubmitButton isPending={change.isPending} pendingLabel={t('account.pending')}>
          {t('account.submitPassword')}
        </SubmitButton>
      </form>
    </section>
  );
}
