import { useTranslation } from 'react-i18next';
import { SigningAuthorisationList, type SigningAuthorisationBody } from '@tinhso/contracts';
import {
  authorisationsPath,
  endAuthorisation,
  grantAuthorisation,
} from '../../../api/signing-authorisations.ts';
import { AsyncContent } from '../../../components/async-state.tsx';
import { DataTable, type Column } from '../../../components/data-table.tsx';
import { FormAlert, SuccessMessage } from '../../../components/form-feedback.tsx';
import { SelectField, SubmitButton, TextField } from '../../../components/form-fields.tsx';
import { useAction } from '../../../hooks/use-action.ts';
import { useApi } from '../../../hooks/use-api.ts';
import { formText } from '../../../lib/form-data.ts';

type Row = SigningAuthorisationList['items'][number];
const FIELDS = ['granteeId', 'startsOn', 'endsOn', 'note'] as const;

/**
 * Giấy ủy quyền (TUQ.) on the outgoing page, for the leaders of the agency: who may sign
 * "TUQ. GIÁM ĐỐC" and when; the head grants and ends them (the server refuses anyone else).
 */
export function SigningAuthorisations() {
  const { t } = useTranslation();
  const list = useApi(SigningAuthorisationList, authorisationsPath);
  const grant = useAction(async (body: SigningAuthorisationBody) => {
    const value = await grantAuthorisation(body);
    list.reload();
    return value;
  });
  const end = useAction(async (id: string) => {
    const value = await endAuthorisation(id);
    list.reload();
    return value;
  });
  const columns: Column<Row>[] = [
    { key: 'grantee', header: t('authorisations.grantee'), cell: (row) => row.granteeName },
    { key: 'from', header: t('authorisations.startsOn'), cell: (row) => row.startsOn },
    { key: 'to', header: t('authorisations.endsOn'), cell: (row) => row.endsOn ?? t('authorisations.open') },
    {
      key: 'state',
      header: t('authorisations.state'),
      cell: (row) => (row.current ? t('authorisations.current') : t('authorisations.notCurrent')),
    },
    {
      key: 'end',
      header: t('authorisations.actions'),
      cell: (row) =>
        row.endsOn === null || row.current ? (
          <button
            type="button"
            className="button"
            disabled={end.isPending}
            aria-label={t('authorisations.endFor', { name: row.granteeName })}
            onClick={() => void end.run(row.id)}
          >
            {t('authorisations.end')}
          </button>
        ) : null,
    },
  ];
  return (
    <section className="panel" aria-labelledby="signing-authorisations">
      <h2 id="signing-authorisations">{t('authorisations.title')}</h2>
      <p>{t('authorisations.lead')}</p>
      <FormAlert error={end.error} />
      {end.isDone ? <SuccessMessage>{t('authorisations.ended')}</SuccessMessage> : null}
      <AsyncContent state={list}>
        {(data) => (
          <>
            {data.items.length === 0 ? (
              <p>{t('authorisations.empty')}</p>
            ) : (
              <DataTable
                caption={t('authorisations.title')}
                columns={columns}
                rows={data.items}
                rowKey={(row) => row.id}
              />
            )}
            <form
              noValidate
              className="form"
              aria-labelledby="authorisations-grant"
              onSubmit={(event) => {
                event.preventDefault();
                const form = new FormData(event.currentTarget);
                const endsOn = formText(form, 'endsOn');
                const note = formText(form, 'note');
                void grant.run({
                  granteeId: formText(form, 'granteeId'),
                  startsOn: formText(form, 'startsOn'),
                  ...(endsOn ? { endsOn } : {}),
                  ...(note ? { note } : {}),
                });
              }}
            >
              <h3 id="authorisations-grant">{t('authorisations.grant')}</h3>
              <FormAlert error={grant.error} fields={FIELDS} />
              {grant.isDone ? <SuccessMessage>{t('authorisations.granted')}</SuccessMessage> : null}
              <SelectField name="granteeId" label={t('authorisations.grantee')} error={grant.error}>
                <option value="">{t('authorisations.choose')}</option>
                {data.officials.map((official) => (
                  <option key={official.officialId} value={official.officialId}>
                    {official.name} — {official.title}
                  </option>
                ))}
              </SelectField>
              <TextField
                name="startsOn"
                type="date"
                label={t('authorisations.startsOn')}
                error={grant.error}
              />
              <TextField
                name="endsOn"
                type="date"
                isOptional
                label={t('authorisations.endsOn')}
                hint={t('authorisations.endsOnHint')}
                error={grant.error}
              />
              <TextField
                name="note"
                isOptional
                maxLength={500}
                label={t('authorisations.note')}
                hint={t('authorisations.noteHint')}
                error={grant.error}
              />
              <SubmitButton isPending={grant.isPending} pendingLabel={t('actions.saving')}>
                {t('authorisations.grant')}
              </SubmitButton>
            </form>
          </>
        )}
      </AsyncContent>
    </section>
  );
}
