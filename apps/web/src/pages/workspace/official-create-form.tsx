import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LIMITS } from '@tinhso/contracts';
import { createOfficial } from '../../api/org.ts';
import { FormAlert, SuccessMessage } from '../../components/form-feedback.tsx';
import { SubmitButton, TextField } from '../../components/form-fields.tsx';
import { useAction } from '../../hooks/use-action.ts';
import { formSecret, formText, optionalText } from '../../lib/form-data.ts';

const FIELDS = ['fullName', 'email', 'phone', 'username', 'initialPassword'];

export function OfficialCreateForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const create = useAction(createOfficial);
  return (
    <section className="panel" aria-labelledby="official-create">
      <h2 id="official-create">{t('officials.createTitle')}</h2>
      <form
        noValidate
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          const formElement = event.currentTarget;
          const form = new FormData(formElement);
          const body = {
            fullName: formText(form, 'fullName'),
            email: optionalText(form, 'email'),
            phone: optionalText(form, 'phone'),
            username: formText(form, 'username'),
            initialPassword: formSecret(form, 'initialPassword'),
          };
          void create.run(body).then((outcome) => {
            if (!outcome.ok) return;
            formElement.reset();
            onCreated();
          });
        }}
      >
        <FormAlert error={create.error} fields={FIELDS} />
        {create.result ? (
          <SuccessMessage>
            <Link to={`/workspace/officials/${create.result.id}`}>
              {t('officials.created', { name: create.result.fullName })}
            </Link>
          </SuccessMessage>
        ) : null}
        <TextField name="fullName" label={t('officials.name')} error={create.error} autoComplete="off" />
        <TextField name="email" type="email" label={t('officials.email')} isOptional error={create.error} />
        <TextField
          name="phone"
          type="tel"
          label={t('officials.phone')}
          isOptional
          error={create.error}
          maxLength={10}
        />
        <TextField
          name="username"
          label={t('officials.username')}
          hint={t('officials.usernameHint')}
          error={create.error}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
        />
        <TextField
          name="initialPassword"
          type="password"
          label={t('officials.initialPassword')}
          hint={t('officials.initialPasswordHint', { min: LIMITS.passwordMin })}
          error={create.error}
          autoComplete="new-password"
        />
        <SubmitButton isPending={create.isPending} pendingLabel={t('actions.saving')}>
          {t('officials.submit')}
        </SubmitButton>
      </form>
    </section>
  );
}
