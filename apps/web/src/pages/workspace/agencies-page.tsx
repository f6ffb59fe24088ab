import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { AGENCY_KINDS, type Agency, type AgencyKind } from '@tinhso/contracts';
import { AgencyList } from '../../api/schemas.ts';
import { AsyncContent } from '../../components/async-state.tsx';
import { DataTable, type Column } from '../../components/data-table.tsx';
import { SelectField, TextField } from '../../components/form-fields.tsx';
import { Pager } from '../../components/pager.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDate } from '../../lib/dates.ts';
import { formText } from '../../lib/form-data.ts';
import { hasPermission, useSignedInSession } from '../../session/session-context.tsx';
import { AgencyCreateForm } from './agency-create-form.tsx';

const PAGE_SIZE = 20;

function isAgencyKind(value: string): value is AgencyKind {
  return (AGENCY_KINDS as readonly string[]).includes(value);
}

export function AgenciesPage() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const [params, setParams] = useSearchParams();
  useDocumentTitle(t('agencies.title'));
  const q = params.get('q') ?? '';
  const kindParam = params.get('kind') ?? '';
  const kind = isAgencyKind(kindParam) ? kindParam : '';
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const agencies = useApi(AgencyList, '/api/org/agencies', { q, kind, limit: PAGE_SIZE, offset });

  const language = currentLanguage();
  const columns: Column<Agency>[] = [
    {
      key: 'code',
      header: t('agencies.code'),
      cell: (agency) => <span className="code">{agency.code}</span>,
    },
    {
      key: 'name',
      header: t('agencies.name'),
      cell: (agency) => <Link to={`/workspace/agencies/${agency.id}`}>{agency.name}</Link>,
    },
    { key: 'kind', header: t('agencies.kind'), cell: (agency) => t(`agencyKind.${agency.kind}`) },
    { key: 'level', header: t('agencies.level'), cell: (agency) => t(`agencyLevel.${agency.level}`) },
    {
      key: 'from',
      header: t('agencies.effectiveFrom'),
      cell: (agency) => formatDate(agency.effectiveFrom, language),
    },
  ];

  return (
    <>
      <h1>{t('agencies.title')}</h1>
      <form
        key={params.toString()}
        role="search"
        aria-label={t('agencies.filters')}
        className="filters"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const next = new URLSearchParams();
          const text = formText(form, 'q');
          const kindChoice = formText(form, 'kind');
          if (text) next.set('q', text);
          if (kindChoice) next.set('kind', kindChoice);
          setParams(next);
        }}
      >
        <TextField
          name="q"
          type="search"
          label={t('agencies.searchLabel')}
          defaultValue={q}
          required={false}
        />
        <SelectField name="kind" label={t('agencies.kindFilter')} defaultValue={kind} required={false}>
          <option value="">{t('agencies.allKinds')}</option>
          {AGENCY_KINDS.map((value) => (
            <option key={value} value={value}>
              {t(`agencyKind.${value}`)}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button button--primary">
          {t('actions.search')}
        </button>
      </form>
      <AsyncContent state={agencies} isEmpty={(data) => data.items.length === 0}>
        {(data) => (
          <>
            <DataTable
              caption={t('agencies.title')}
              columns={columns}
              rows={data.items}
              rowKey={(a) => a.id}
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
      {hasPermission(session, 'org.manage') ? <AgencyCreateForm onCreated={agencies.reload} /> : null}
    </>
  );
}
