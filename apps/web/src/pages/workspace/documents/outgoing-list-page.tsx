import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { OUTGOING_STATUSES, OutgoingList, type OutgoingSummary } from '@tinhso/contracts';
import { AsyncContent } from '../../../components/async-state.tsx';
import { DataTable, type Column } from '../../../components/data-table.tsx';
import { SelectField } from '../../../components/form-fields.tsx';
import { Pager } from '../../../components/pager.tsx';
import { useApi } from '../../../hooks/use-api.ts';
import { useDocumentTitle } from '../../../hooks/use-document-title.ts';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatDateTime } from '../../../lib/dates.ts';
import { formText } from '../../../lib/form-data.ts';
import { hasPermission, useSignedInSession } from '../../../session/session-context.tsx';
import { OutgoingAwaitingMe } from './outgoing-awaiting-me.tsx';
import { SigningAuthorisations } from './signing-authorisations.tsx';

const PAGE_SIZE = 20;

/** Outgoing documents the official may see, filtered by state, with what waits for them on top. */
export function OutgoingListPage() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const [params, setParams] = useSearchParams();
  useDocumentTitle(t('outgoing.title'));
  const status = params.get('status') ?? '';
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const list = useApi(OutgoingList, '/api/documents/outgoing/drafts', { status, limit: PAGE_SIZE, offset });
  const language = currentLanguage();
  const columns: Column<OutgoingSummary>[] = [
    {
      key: 'summary',
      header: t('outgoing.summary'),
      cell: (row) => <Link to={`/workspace/documents/outgoing/${row.id}`}>{row.summary}</Link>,
    },
    { key: 'type', header: t('outgoing.type'), cell: (row) => row.typeName },
    { key: 'status', header: t('outgoing.status'), cell: (row) => t(`outgoing.statuses.${row.status}`) },
    {
      key: 'number',
      header: t('outgoing.numberSymbol'),
      cell: (row) => row.numberSymbol ?? t('outgoing.notIssued'),
    },
    { key: 'signer', header: t('outgoing.signer'), cell: (row) => row.signerName },
    {
      key: 'updated',
      header: t('outgoing.updatedAt'),
      cell: (row) => formatDateTime(row.updatedAt, language),
    },
  ];
  return (
    <>
      <h1>{t('outgoing.title')}</h1>
      <p className="lead">{t('outgoing.lead')}</p>
      {hasPermission(session, 'document.handle') ? (
        <p>
          <Link className="button button--primary" to="/workspace/documents/outgoing/new">
            {t('outgoing.create')}
          </Link>
        </p>
      ) : null}
      <OutgoingAwaitingMe />
      <form
        key={params.toString()}
        role="search"
        aria-label={t('outgoing.filters')}
        className="filters"
        onSubmit={(event) => {
          event.preventDefault();
          const value = formText(new FormData(event.currentTarget), 'status');
          setParams(value ? new URLSearchParams({ status: value }) : new URLSearchParams());
        }}
      >
        <SelectField name="status" label={t('outgoing.status')} defaultValue={status} isOptional>
          <option value="">{t('outgoing.allStatuses')}</option>
          {OUTGOING_STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(`outgoing.statuses.${value}`)}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button">
          {t('actions.search')}
        </button>
      </form>
      <AsyncContent state={list} isEmpty={(data) => data.items.length === 0}>
        {(data) => (
          <>
            <DataTable
              caption={t('outgoing.title')}
              columns={columns}
              rows={data.items}
              rowKey={(row) => row.id}
            />
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
      {hasPermission(session, 'document.sign') ? <SigningAuthorisations /> : null}
    </>
  );
}
