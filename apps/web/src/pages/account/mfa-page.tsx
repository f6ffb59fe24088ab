import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SessionInfo } from '@tinhso/contracts';
import { enableMfa, setUpMfa } from '../../api/auth.ts';
import { FormAlert, SuccessMessage } from '../../components/form-feedback.tsx';
import { SubmitButton, TextField } from '../../components/form-fields.tsx';
import { useAction } from '../../hooks/use-action.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { formText } from '../../lib/form-data.ts';
import { groupInFours } from '../../lib/text.ts';
import { hasPermission, useSession, useSignedInSession } from '../../session/session-context.tsx';

function homeOf(session: SessionInfo): string {
  return hasPermission(session, 'workspace.access') ? '/workspace' : '/account';
}

/** Enrolment in TOTP: create a secret, copy it into an authenticator app, prove it with one code. */
export function MfaPage() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const { setSession } = useSession();
  const setup = useAction(setUpMfa);
  const enable = useAction(enableMfa);
  useDocumentTitle(t('mfa.title'));

  if (enable.isDone) {
    return (
      <section className="narrow">
        <h1>{t('mfa.title')}</h1>
        <SuccessMessage>{t('mfa.enabled')}</SuccessMessage>
        <p>
          <Link className="button button--primary" to={homeOf(session)}>
            {t('mfa.continue')}
          </Link>
        </p>
      </section>
    );
  }

  if (session.mfaEnabled) {
    return (
      <section className="narrow">
        <h1>{t('mfa.title')}</h1>
        <p>{t('mfa.alreadyOn')}</p>
        <p>
          <Link to="/account">{t('actions.myAccount')}</Link>
        </p>
      </section>
    );
  }

  const secret = setup.result;
  return (
    <section className="narrow">
      <h1>{t('mfa.title')}</h1>
      {session.mfaSetupRequired ? <p className="alert alert--info">{t('mfa.required')}</p> : null}
      <p>{t('mfa.lead')}</p>
      <section className="panel" aria-labelledby="mfa-step1">
        <h2 id="mfa-step1">{t('mfa.step1')}</h2>
        <FormAlert error={setup.error} />
        <button
          type="button"
          className={secret ? 'button' : 'button button--primary'}
          disabled={setup.isPending}
          onClick={() => {
            enable.reset();
            void setup.run();
          }}
        >
          {setup.isPending ? t('mfa.generating') : secret ? t('mfa.regenerate') : t('mfa.generate')}
        </button>
      </section>
      {secret ? (
        <>
          <section className="panel" aria-labelledby="mfa-step2">
            <h2 id="mfa-step2">{t('mfa.step2')}</h2>
            <p>{t('mfa.step2Body')}</p>
            <figure className="secret" aria-labelledby="mfa-secret">
              <figcaption id="mfa-secret">{t('mfa.secret')}</figcaption>
              <code className="secret__value">{groupInFours(secret.secret)}</code>
            </figure>
            <figure className="secret" aria-labelledby="mfa-url">
              <figcaption id="mfa-url">{t('mfa.otpauthUrl')}</figcaption>
              <code className="secret__url">{secret.otpauthUrl}</code>
            </figure>
          </section>
          <section className="panel" aria-labelledby="mfa-step3">
            <h2 id="mfa-step3">{t('mfa.step3')}</h2>
            <form
              noValidate
              className="form"
              onSubmit={(event) => {
                event.preventDefault();
                const code = formText(new FormData(event.currentTarget), 'code');
                void enable.run(code).then((outcome) => {
                  if (outcome.ok) setSession(outcome.value);
                });
              }}
            >
              <FormAlert error={enable.error} fields={['code']} />
              <TextField
                name="code"
                label={t('mfa.code')}
                error={enable.error}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                pattern="[0-9]{6}"
              />
              <SubmitButton isPending={enable.isPending} pendingLabel={t('mfa.enabling')}>
                {t('mfa.enable')}
              </SubmitButton>
            </form>
          </section>
        </>
      ) : null}
    </section>
  );
}
