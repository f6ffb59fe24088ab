import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LIMITS } from '@tinhso/contracts';
import { registerCitizen } from '../../api/auth.ts';
import { FormAlert } from '../../components/form-feedback.tsx';
import { SubmitButton, TextField } from '../../components/form-fields.tsx';
import { useAction } from '../../hooks/use-action.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { formSecret, formText, optionalText } from '../../lib/form-data.ts';

const FIELDS = ['personalId', 'fullName', 'phone', 'email', 'password'];

export function RegisterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const register = useAction(registerCitizen);
  useDocumentTitle(t('register.title'));

  return (
    <section className="narrow">
      <h1>{t('register.title')}</h1>
      <p>{t('register.lead')}</p>
      <form
        noValidate
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          void register
            .run({
              personalId: formText(form, 'personalId'),
              fullName: formText(form, 'fullName'),
              phone: formText(form, 'phone'),
              email: optionalText(form, 'email'),
              password: formSecret(form, 'password'),
            })
            .then(async (outcome) => {
              if (outcome.ok) await navigate('/sign-in', { state: { registered: true } });
            });
        }}
      >
        <FormAlert error={register.error} fields={FIELDS} />
        <TextField
          name="personalId"
          label={t('register.personalId')}
          hint={t('register.personalIdHint')}
          error={register.error}
          inputMode="numeric"
          autoComplete="off"
          maxLength={12}
        />
        <TextField
          name="fullName"
          label={t('register.fullName')}
          error={register.error}
          autoComplete="name"
        />
        <TextField
          name="phone"
          type="tel"
          label={t('register.phone')}
          hint={t('register.phoneHint')}
          error={register.error}
          autoComplete="tel-national"
          maxLength={10}
        />
        <TextField
          name="email"
          type="email"
          label={t('register.email')}
          isOptional
          error={register.error}
          autoComplete="email"
        />
        <TextField
          name="password"
          type="password"
          label={t('register.password')}
          hint={t('register.passwordHint', { min: LIMITS.passwordMin })}
          error={register.error}
          autoComplete="new-password"
          minLength={LIMITS.passwordMin}
        />
        <SubmitButton isPending={register.isPending} pendingLabel={t('register.pending')}>
          {t('register.submit')}
        </SubmitButton>
      </form>
      <p>
        {t('register.haveAccount')} <Link to="/sign-in">{t('actions.signIn')}</Link>
      </p>
    </section>
  );
}
