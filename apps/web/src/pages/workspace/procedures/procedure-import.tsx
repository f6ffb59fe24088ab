import { useTranslation } from 'react-i18next';
import type { ImportReport } from '@tinhso/contracts';
import { ApiError } from '../../../api/client.ts';
import type { Sender } from '../../../api/back-office.ts';
import { importProceduresCsv, importProceduresJson } from '../../../api/procedures-admin.ts';
import { DataTable } from '../../../components/data-table.tsx';
import { FormAlert, SuccessMessage } from '../../../components/form-feedback.tsx';
import { SubmitButton } from '../../../components/form-fields.tsx';
import { useAction } from '../../../hooks/use-action.ts';
import { i18n } from '../../../i18n/index.ts';
import { useSignedInSession } from '../../../session/session-context.tsx';
import { useCommandKey } from './command-key.ts';

const OUTCOMES = ['created', 'new_version', 'unchanged'] as const;

/** A file chosen by the officer, sent as CSV (by its name or type) or else as a JSON list. */
async function importFile(file: File, sender: Sender, key: string): Promise<ImportReport> {
  if (file.size === 0) {
    throw new ApiError({ status: 0, code: 'no_file', message: i18n.t('figures.catalogue.importNoFile') });
  }
  const text = await file.text();
  if (/\.csv$/i.test(file.name) || file.type === 'text/csv') return importProceduresCsv(sender, text, key);
  let items: unknown;
  try {
    items = JSON.parse(text) as unknown;
  } catch {
    throw new ApiError({ status: 0, code: 'not_json', message: i18n.t('figures.catalogue.importNotJson') });
  }
  return importProceduresJson(sender, items, key);
}

/** Import from a JSON or CSV file, all or nothing: the report per procedure, or every failing row and field. */
export function ProcedureImport({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const command = useCommandKey();
  const upload = useAction((file: File) => importFile(file, session, command.key));
  const report = upload.result;
  return (
    <section className="panel" aria-labelledby="catalogue-import">
      <h2 id="catalogue-import">{t('figures.catalogue.importTitle')}</h2>
      <p>{t('figures.catalogue.importLead')}</p>
      <form
        noValidate
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          const file = new FormData(event.currentTarget).get('file');
          void upload.run(file instanceof File ? file : new File([], '')).then((outcome) => {
            if (!outcome.ok) return;
            command.renew();
            onImported();
          });
        }}
      >
        <FormAlert error={upload.error} />
        <div className="field">
          <label htmlFor="catalogue-import-file">{t('figures.catalogue.importFile')}</label>
          <p className="field__hint" id="catalogue-import-hint">
            {t('figures.catalogue.importHint')}
          </p>
          <input
            id="catalogue-import-file"
            name="file"
            type="file"
            accept=".json,.csv,application/json,text/csv"
            onChange={command.renew}
            aria-describedby="catalogue-import-hint"
          />
        </div>
        <SubmitButton isPending={upload.isPending} pendingLabel={t('figures.catalogue.importing')}>
          {t('figures.catalogue.import')}
        </SubmitButton>
      </form>
      {report ? (
        <>
          <SuccessMessage>
            {t('figures.catalogue.importDone', {
              created: report.items.filter((item) => item.outcome === 'created').length,
              versions: report.items.filter((item) => item.outcome === 'new_version').length,
              unchanged: report.items.filter((item) => item.outcome === 'unchanged').length,
            })}
          </SuccessMessage>
          <DataTable
            caption={t('figures.catalogue.importReport')}
            rows={report.items}
            rowKey={(item) => item.code}
            columns={[
              { key: 'code', header: t('figures.catalogue.code'), cell: (item) => item.code },
              {
                key: 'outcome',
                header: t('figures.catalogue.importOutcome'),
                cell: (item) => {
                  const outcome = OUTCOMES.find((candidate) => candidate === item.outcome) ?? 'unchanged';
                  return t(`figures.catalogue.outcomes.${outcome}`);
                },
              },
              {
                key: 'version',
                header: t('figures.catalogue.versionColumn'),
                cell: (item) => item.version,
              },
            ]}
          />
        </>
      ) : null}
    </section>
  );
}
