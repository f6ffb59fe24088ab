import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Appointment, Official } from '@tinhso/contracts';
import { OfficialList } from '../../api/schemas.ts';
import { AsyncContent } from '../../components/async-state.tsx';
import { DataTable, type Column } from '../../components/data-table.tsx';
import { SelectField, TextField } from '../../components/form-fields.tsx';
import { Pager } from '../../components/pager.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useAgencyOptions } from '../../hooks/use-options.ts';
import { todayInProvince } from '../../lib/dates.ts';
import { formText } from '../../lib/form-data.ts';
import { hasPermission, useSignedInSession } from '../../session/session-context.tsx';
import { OfficialCreateForm } from './official-create-form.tsx';

const PAGE_SIZE = 20;

/** Appointments in force today: begun, and without an end or ending later ([startsOn, endsOn)). */
export function isCurrent(appointment: Appointment, today: string): boolean {
  return appointment.startsOn <= today && (appointment.endsOn === null || appointment.endsOn > today);
}

export function OfficialsPage() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const [params, setParams] = useSearchParams();
  useDocumentTitle(t('officials.title'));
  const q = params.get('q') ?? '';
  const agencyId = params.get('agencyId') ?? '';
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const officials = useApi(OfficialList, '/api/org/officials', { q, agencyId, limit: PAGE_SIZE, offset });
  const agencies = useAgencyOptions();
  const today = todayInProvince();

  const columns: Column<Official>[] = [
    {
      key: 'name',
      header: t('officials.name'),
      cell: (official) => <Link to={`/workspace/officials/${official.id}`}>{official.fullName}</Link>,
    },
    { key: 'username', header: t('officials.username'), cell: (official) => official.username ?? '' },
    {
      key: 'contact',
      header: t('officials.contact'),
      cell: (official) => [official.email, official.phone].filter(Boolean).join(' · '),
    },
    {
      key: 'positions',
      header: t('officials.currentPositions'),
      cell: (official) => {
        const current = official.appointments.filter((appointment) => isCurrent(appointment, today));
        if (current.length === 0) return t('officials.noPosition');
        return current.map((a) => `${a.title} (${t(`appointmentKind.${a.kind}`)})`).join('; ');
      },
    },
  ];

  return (
    <>
      <h1>{t('officials.title')}</h1>
      <form
        key={params.toString()}
        role="search"
        aria-label={t('officials.filters')}
        className="filters"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const next = new URLSearchParams();
          for (const name of ['q', 'agencyId']) {
            const value = formText(form, name);
            if (value) next.set(name, value);
          }
          setParams(next);
        }}
      >
        <TextField
          name="q"
          type="search"
          label={t('officials.searchLabel')}
          defaultValue={q}
          required={false}
        />
        <SelectField
          name="agencyId"
          label={t('officials.agencyFilter')}
          defaultValue={agencyId}
          required={false}
        >
          <option value="">{t('officials.allAgencies')}</option>
          {(agencies.data?.items ?? []).map((agency) => (
            <option key={agency.id} value={agency.id}>
              {agency.name}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button button--primary">
          {t('actions.search')}
        </button>
      </form>
      <AsyncContent state={officials} isEmpty={(data) => data.items.length === 0}>
        {(data) => (
          <>
            <DataTable
              caption={t('officials.title')}
              columns={columns}
              rows={data.items}
              rowKey={(o) => o.id}
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
      {hasPermission(session, 'official.manage') ? <OfficialCreateForm onCreated={officials.reload} /> : null}
    </>
  );
}
