import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Dossier, DossierSummary } from '@tinhso/contracts';
import { DossierList, formUrl, type OfficerAction } from '../../../api/back-office.ts';
import { AsyncContent } from '../../../components/async-state.tsx';
import { DataTable, type Column } from '../../../components/data-table.tsx';
import { SuccessMessage } from '../../../components/form-feedback.tsx';
import { SelectField, TextField } from '../../../components/form-fields.tsx';
import { useApi } from '../../../hooks/use-api.ts';
import { useDocumentTitle } from '../../../hooks/use-document-title.ts';
import { usePublicAgencies } from '../../../hooks/use-public-agencies.ts';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatDateTime, todayInProvince } from '../../../lib/dates.ts';
import { useSignedInSession } from '../../../session/session-context.tsx';
import { ActionDialog } from '../dossiers/action-dialog.tsx';
import '../dossiers/dossiers.css';
import { CounterIntakeForm } from './counter-intake-form.tsx';

const QUEUE_ACTIONS = ['receive', 'request_supplement', 'refuse'] as const satisfies readonly OfficerAction[];

/** Online dossiers waiting for the completeness check, each with its three possible outcomes. */
function CounterQueue() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const session = useSignedInSession();
  const queue = useApi(DossierList, '/api/dossiers', { status: 'submitted', limit: 50 });
  const [open, setOpen] = useState<{ action: OfficerAction; row: DossierSummary } | null>(null);
  const [done, setDone] = useState<{ action: OfficerAction; dossier: Dossier } | null>(null);
  const columns: Column<DossierSummary>[] = [
    {
      key: 'code',
      header: t('dossiers.code'),
      cell: (row) => (
        <Link to={`/workspace/dossiers/${row.id}`} className="code">
          {row.code ?? t('dossiers.noCode')}
        </Link>
      ),
    },
    {
      key: 'procedure',
      header: t('dossiers.procedure'),
      cell: (row) => `${row.procedureCode} ${row.procedureName}`,
    },
    { key: 'applicant', header: t('dossiers.applicant'), cell: (row) => row.applicantName },
    {
      key: 'submitted',
      header: t('dossiers.counter.submittedAt'),
      cell: (row) => (row.submittedAt ? formatDateTime(row.submittedAt, language) : ''),
    },
    {
      key: 'actions',
      header: t('dossiers.counter.actions'),
      cell: (row) => (
        <div className="actions">
          {QUEUE_ACTIONS.map((action) => (
            <button
              key={action}
              type="button"
              className={
                action === 'receive' ? 'button button--primary button--small' : 'button button--small'
              }
              aria-label={t('dossiers.action.buttonFor', {
                action: t(`dossiers.action.button.${action}`),
                code: row.code ?? '',
              })}
              onClick={() => {
                setDone(null);
                setOpen({ action, row });
              }}
            >
              {t(`dossiers.action.button.${action}`)}
            </button>
          ))}
        </div>
      ),
    },
  ];
  return (
    <section className="panel" aria-labelledby="counter-queue">
      <h2 id="counter-queue">{t('dossiers.counter.queueTitle')}</h2>
      <p>{t('dossiers.counter.queueLead')}</p>
      {done ? (
        <SuccessMessage>
          <p>
            {t('dossiers.detail.done', { action: t(`dossiers.action.button.${done.action}`) })}{' '}
            <Link to={`/workspace/dossiers/${done.dossier.id}`}>{done.dossier.code}</Link>
          </p>
          {done.dossier.forms
            .filter((form) => ['01', '02', '03'].includes(form))
            .map((form) => (
              <p key={form}>
                <a href={formUrl(done.dossier.id, form)} target="_blank" rel="noopener">
                  {t('dossiers.counter.printForm', { form: t(`dossiers.detail.formName.${form}`) })}{' '}
                  <span className="visually-hidden">{t('dossiers.detail.newTab')}</span>
                </a>
              </p>
            ))}
        </SuccessMessage>
      ) : null}
      <AsyncContent
        state={queue}
        isEmpty={(data) => data.items.length === 0}
        empty={t('dossiers.counter.queueEmpty')}
      >
        {(data) => (
          <DataTable
            caption={t('dossiers.counter.queueTitle')}
            columns={columns}
            rows={data.items}
            rowKey={(row) => row.id}
          />
        )}
      </AsyncContent>
      {open ? (
        <ActionDialog
          action={open.action}
          target={open.row}
          sender={session}
          onClose={() => {
            setOpen(null);
          }}
          onDone={(dossier) => {
            setDone({ action: open.action, dossier });
            setOpen(null);
            queue.reload();
          }}
        />
      ) : null}
    </section>
  );
}

/** Sổ theo dõi hồ sơ (Mẫu 07) for a date range: the server renders the PDF, opened in a new tab. */
function RegisterForm() {
  const { t } = useTranslation();
  const agencies = usePublicAgencies();
  const today = todayInProvince();
  const desks = (agencies.data?.items ?? [])
    .filter((agency) => ['trung_tam_phvhcc', 'so', 'ubnd_xa'].includes(agency.kind))
    .sort((a, b) => Number(b.kind === 'trung_tam_phvhcc') - Number(a.kind === 'trung_tam_phvhcc'));
  return (
    <section className="panel" aria-labelledby="counter-register">
      <h2 id="counter-register">{t('dossiers.counter.registerTitle')}</h2>
      <form className="filters" method="get" action="/api/dossiers/register" target="_blank">
        <SelectField name="agencyId" label={t('dossiers.counter.registerAgency')}>
          {desks.map((agency) => (
            <option key={agency.id} value={agency.id}>
              {agency.name}
            </option>
          ))}
        </SelectField>
        <TextField
          name="from"
          type="date"
          label={t('dossiers.counter.registerFrom')}
          defaultValue={`${today.slice(0, 8)}01`}
        />
        <TextField name="to" type="date" label={t('dossiers.counter.registerTo')} defaultValue={today} />
        <button type="submit" className="button">
          {t('dossiers.counter.registerPrint')}{' '}
          <span className="visually-hidden">{t('dossiers.detail.newTab')}</span>
        </button>
      </form>
    </section>
  );
}

export function CounterPage() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  useDocumentTitle(t('dossiers.counter.title'));
  return (
    <>
      <h1>{t('dossiers.counter.title')}</h1>
      <CounterQueue />
      <CounterIntakeForm sender={session} />
      <RegisterForm />
    </>
  );
}
