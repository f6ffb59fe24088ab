import { useTranslation } from 'react-i18next';
import type { Agency } from '@tinhso/contracts';
import { updateAgency } from '../../api/org.ts';
import { FormAlert, SuccessMessage } from '../../components/form-feedback.tsx';
import { SubmitButton, TextField } from '../../components/form-fields.tsx';
import { useAction } from '../../hooks/use-action.ts';
import { formText } from '../../lib/form-data.ts';

export function AgencyEditForm({ agency, onSaved }: { agency: Agency; onSaved: () => void }) {
  const { t } = useTranslation();
  const save = useAction((name: string, shortName: string) =>
    // An emptied short name is removed (null), not left as it was.
    updateAgency(agency.id, { name, shortName: shortName === '' ? null : shortName }),
  );
  return (
    <section className="panel" aria-labelledby="agency-edit">
      <h2 id="agency-edit">{t('agency.edit')}</h2>
      <form
        noValidate
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          void save.run(formText(form, 'name'), formText(form, 'shortName')).then((outcome) => {
            if (outcome.ok) onSaved();
          });
        }}
      >
        <FormAlert error={save.error} fields={['name', 'shortName']} />
        {save.isDone ? <SuccessMessage>{t('agency.saved')}</SuccessMessage> : null}
        <TextField name="name" label={t('agencies.name')} defaultValue={agency.name} error={save.error} />
        <TextField
          name="shortName"
          label={t('agencies.shortName')}
          hint={t('agency.shortNameHint')}
          isOptional
          defaultValue={agency.shortName ?? ''}
          error={save.error}
          maxLength={60}
        />
        <SubmitButton isPending={save.isPending} pendingLabel={t('actions.saving')}>
          {t('actions.save')}
        </SubmitButton>
      </form>
    </section>
  );
}
