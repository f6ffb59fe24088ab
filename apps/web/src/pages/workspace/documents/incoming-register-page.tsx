import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  DOCUMENT_CONFIDENTIALITIES,
  DOCUMENT_URGENCIES,
  DocumentTypeList,
  INCOMING_STATUSES,
  IncomingList,
  type IncomingDocument,
  type RegisterIncomingBody,
} from '@tinhso/contracts';
import type { UploadedFile } from '../../../api/dossiers.ts';
import { registerIncoming } from '../../../api/documents-incoming.ts';
import { AsyncContent } from '../../../components/async-state.tsx';
import { DataTable, type Column } from '../../../components/data-table.tsx';
import { FormAlert } from '../../../components/form-feedback.tsx';
import { SelectField, SubmitButton, TextField } from '../../../components/form-fields.tsx';
import { Pager } from '../../../components/pager.tsx';
import { useAction } from '../../../hooks/use-action.ts';
import { useApi } from '../../../hooks/use-api.ts';
import { useDocumentTitle } from '../../../hooks/use-document-title.ts';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatDate, formatDateTime, todayInProvince } from '../../../lib/dates.ts';
import { formText, optionalText } from '../../../lib/form-data.ts';
import { hasPermission, useSignedInSession } from '../../../session/session-context.tsx';
import { FileUploader } from '../../portal/file-uploader.tsx';
import './documents-incoming.css';
import { FollowUpSection } from './incoming-follow-up.tsx';
import { StatusLabel, UrgencyLabel } from './incoming-labels.tsx';

const PAGE_SIZE = 20;
const REGISTER_FIELDS = [
  'issuerName',
  'numberSymbol',
  'issuedOn',
  'typeCode',
  'summary',
  'urgency',
  'confidentiality',
  'deadlineOn',
  'pages',
  'scanFileId',
];

/** Sổ đăng ký văn bản đến: filters, the register, and the clerk's registration form. */
export function IncomingRegisterPage() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const [params, setParams] = useSearchParams();
  useDocumentTitle(t('incoming.registerTitle'));
  const q = params.get('q') ?? '';
  const status = params.get('status') ?? '';
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const list = useApi(IncomingList, '/api/documents/incoming', {
    q: q || undefined,
    status: status || undefined,
    limit: PAGE_SIZE,
    offset,
  });
  const language = currentLanguage();
  const columns: Column<IncomingDocument>[] = [
    {
      key: 'number',
      header: t('incoming.arrivalNumber'),
      cell: (row) => (
        <Link to={`/workspace/documents/incoming/${row.id}`} className="code">
          {row.arrivalNumber}/{row.year}
        </Link>
      ),
    },
    {
      key: 'received',
      header: t('incoming.receivedAt'),
      cell: (row) => formatDateTime(row.receivedAt, language),
    },
    { key: 'symbol', header: t('incoming.numberSymbol'), cell: (row) => row.numberSymbol },
    { key: 'issuer', header: t('incoming.issuer'), cell: (row) => row.issuerName },
    {
      key: 'summary',
      header: t('incoming.summary'),
      cell: (row) => (
        <>
          {row.summary}
          <UrgencyLabel urgency={row.urgency} />
        </>
      ),
    },
    { key: 'status', header: t('incoming.status'), cell: (row) => <StatusLabel status={row.status} /> },
    {
      key: 'due',
      header: t('incoming.due'),
      cell: (row) => (row.dueOn ? formatDate(row.dueOn, language) : '—'),
    },
  ];
  return (
    <>
      <h1>{t('incoming.registerTitle')}</h1>
      <p className="lead">{t('incoming.registerLead')}</p>
      <form
        key={params.toString()}
        role="search"
        aria-label={t('incoming.filters')}
        className="filters"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const next = new URLSearchParams();
          for (const name of ['q', 'status']) {
            const value = formText(form, name);
            if (value) next.set(name, value);
          }
          setParams(next);
        }}
      >
        <TextField name="q" type="search" label={t('incoming.search')} defaultValue={q} required={false} />
        <SelectField name="status" label={t('incoming.status')} defaultValue={status} required={false}>
          <option value="">{t('incoming.allStatuses')}</option>
          {INCOMING_STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(`incoming.statuses.${value}`)}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button button--primary">
          {t('actions.search')}
        </button>
      </form>
      <AsyncContent state={list} isEmpty={(data) => data.items.length === 0} empty={t('incoming.empty')}>
        {(data) => (
          <>
            <DataTable
              caption={t('incoming.registerTitle')}
              columns={columns}
              rows={data.items}
              rowKey={(row) => row.id}
            />
            {data.totalCapped ? (
              <p className="hint">{t('incoming.totalCapped', { count: data.total })}</p>
            ) : null}
            <Pager
              total={data.total}
              limit={PAGE_SIZE}
              offset={offset}
              onChange={(nextOffset) => {
                const next = new URLSearchParams(params);
                next.set('offset', String(nextOffset));
                setParams(next);
              }}
            />
          </>
        )}
      </AsyncContent>
      {hasPermission(session, 'document.register') ? <RegisterForm csrfToken={session.csrfToken} /> : null}
      <FollowUpSection />
    </>
  );
}

function RegisterForm({ csrfToken }: { csrfToken: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const types = useApi(DocumentTypeList, '/api/documents/types');
  const register = useAction(registerIncoming);
  const [scan, setScan] = useState<UploadedFile | null>(null);
  return (
    <section className="panel" aria-labelledby="incoming-register">
      <h2 id="incoming-register">{t('incoming.registerNew')}</h2>
      <form
        noValidate
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const pages = optionalText(form, 'pages');
          const deadlineOn = optionalText(form, 'deadlineOn');
          const body: RegisterIncomingBody = {
            issuerName: formText(form, 'issuerName'),
            numberSymbol: formText(form, 'numberSymbol'),
            issuedOn: formText(form, 'issuedOn'),
            typeCode: formText(form, 'typeCode'),
            summary: formText(form, 'summary'),
            urgency: DOCUMENT_URGENCIES.find((value) => value === formText(form, 'urgency')) ?? 'thuong',
            confidentiality:
              DOCUMENT_CONFIDENTIALITIES.find((value) => value === formText(form, 'confidentiality')) ??
              'thuong',
            ...(pages ? { pages: Number(pages) } : {}),
            ...(deadlineOn ? { deadlineOn } : {}),
            ...(scan ? { scanFileId: scan.id } : {}),
          };
          void register.run(body).then((outcome) => {
            if (outcome.ok) void navigate(`/workspace/documents/incoming/${outcome.value.id}`);
          });
        }}
      >
        <FormAlert error={register.error} fields={REGISTER_FIELDS} />
        <TextField name="issuerName" label={t('incoming.issuer')} error={register.error} autoComplete="off" />
        <TextField
          name="numberSymbol"
          label={t('incoming.numberSymbol')}
          error={register.error}
          autoComplete="off"
        />
        <TextField
          name="issuedOn"
          type="date"
          label={t('incoming.issuedOn')}
          error={register.error}
          max={todayInProvince()}
        />
        <SelectField
          name="typeCode"
          label={t('incoming.type')}
          error={register.error}
          defaultValue="cong_van"
        >
          {(types.data?.items ?? []).map((type) => (
            <option key={type.code} value={type.code}>
              {type.nameVi}
            </option>
          ))}
        </SelectField>
        <TextField name="summary" label={t('incoming.summary')} error={register.error} autoComplete="off" />
        <SelectField
          name="urgency"
          label={t('incoming.urgency')}
          error={register.error}
          defaultValue="thuong"
        >
          {DOCUMENT_URGENCIES.map((value) => (
            <option key={value} value={value}>
              {t(`incoming.urgencies.${value}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="confidentiality"
          label={t('incoming.confidentiality')}
          error={register.error}
          defaultValue="thuong"
        >
          {DOCUMENT_CONFIDENTIALITIES.map((value) => (
            <option key={value} value={value}>
              {t(`incoming.confidentialities.${value}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          name="deadlineOn"
          type="date"
          label={t('incoming.deadlineOn')}
          error={register.error}
          isOptional
        />
        <TextField
          name="pages"
          type="number"
          min={1}
          label={t('incoming.pages')}
          error={register.error}
          isOptional
        />
        <FileUploader
          label={t('incoming.scan')}
          hint={t('incoming.scanHint')}
          csrfToken={csrfToken}
          onUploaded={setScan}
        />
        {scan ? <p role="status">{t('incoming.scanAttached', { name: scan.name })}</p> : null}
        <SubmitButton isPending={register.isPending} pendingLabel={t('actions.saving')}>
          {t('incoming.register')}
        </SubmitButton>
      </form>
    </section>
  );
}
