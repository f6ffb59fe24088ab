import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Official, type Appointment, type Official as OfficialRow } from '@tinhso/contracts';
import { AsyncContent } from '../../components/async-state.tsx';
import { DataTable, type Column } from '../../components/data-table.tsx';
import { FormAlert, SuccessMessage } from '../../components/form-feedback.tsx';
import { unlockOfficial } from '../../api/org.ts';
import { useAction } from '../../hooks/use-action.ts';
import { useApi } from '../../hooks/use-api.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { useAgencyOptions } from '../../hooks/use-options.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDate, formatDateTime, todayInProvince } from '../../lib/dates.ts';
import { hasPermission, useSignedInSession } from '../../session/session-context.tsx';
import { AppointForm, EndAppointmentForm } from './appointment-forms.tsx';
import { isCurrent } from './officials-page.tsx';

export function OfficialPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const official = useApi(Official, `/api/org/officials/${encodeURIComponent(id)}`);
  useDocumentTitle(official.data?.fullName ?? t('officials.title'));
  return (
    <>
      <p className="breadcrumb">
        <Link to="/workspace/officials">{t('official.back')}</Link>
      </p>
      <AsyncContent state={official}>
        {(data) => <OfficialDetails official={data} onChanged={official.reload} />}
      </AsyncContent>
    </>
  );
}

function OfficialDetails({ official, onChanged }: { official: OfficialRow; onChanged: () => void }) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const canManage = hasPermission(session, 'official.manage');
  const agencies = useAgencyOptions();
  const [ending, setEnding] = useState<Appointment | null>(null);
  const [hasJustEnded, setJustEnded] = useState(false);
  const language = currentLanguage();
  const today = todayInProvince();
  const agencyName = (agencyId: string) =>
    agencies.data?.items.find((agency) => agency.id === agencyId)?.name ?? agencyId;

  const columns: Column<Appointment>[] = [
    { key: 'title', header: t('official.position'), cell: (a) => a.title },
    {
      key: 'agency',
      header: t('official.agency'),
      cell: (a) => <Link to={`/workspace/agencies/${a.agencyId}`}>{agencyName(a.agencyId)}</Link>,
    },
    { key: 'kind', header: t('official.kind'), cell: (a) => t(`appointmentKind.${a.kind}`) },
    { key: 'starts', header: t('official.startsOn'), cell: (a) => formatDate(a.startsOn, language) },
    { key: 'ends', header: t('official.endsOn'), cell: (a) => formatDate(a.endsOn, language) },
    {
      key: 'status',
      header: t('official.status'),
      cell: (a) => (isCurrent(a, today) ? t('official.current') : t('official.ended')),
    },
  ];
  if (canManage) {
    columns.push({
      key: 'actions',
      header: t('official.end'),
      cell: (a) =>
        a.endsOn === null || a.endsOn > today ? (
          <button
            type="button"
            className="button button--small"
            aria-label={t('official.endLegend', { title: a.title })}
            onClick={() => {
              setJustEnded(false);
              setEnding(a);
            }}
          >
            {t('official.end')}
          </button>
        ) : null,
    });
  }

  return (
    <>
      <h1>{official.fullName}</h1>
      <section className="panel" aria-labelledby="official-details">
        <h2 id="official-details">{t('official.details')}</h2>
        <dl className="details">
          <dt>{t('officials.username')}</dt>
          <dd>{official.username ?? ''}</dd>
          <dt>{t('officials.email')}</dt>
          <dd>{official.email ?? ''}</dd>
          <dt>{t('officials.phone')}</dt>
          <dd>{official.phone ?? ''}</dd>
          <dt>{t('official.lastSignIn')}</dt>
          <dd>
            {official.lastSignInAt
              ? formatDateTime(official.lastSignInAt, language)
              : t('official.neverSignedIn')}
          </dd>
        </dl>
        <AccountLock official={official} canManage={canManage} onChanged={onChanged} />
      </section>
      <section className="panel" aria-labelledby="official-appointments">
        <h2 id="official-appointments">{t('official.appointments')}</h2>
        {official.appointments.length === 0 ? (
          <p className="empty">{t('official.noAppointments')}</p>
        ) : (
          <DataTable
            caption={t('official.appointments')}
            columns={columns}
            rows={official.appointments}
            rowKey={(a) => a.id}
          />
        )}
        {hasJustEnded ? <SuccessMessage>{t('official.endedOk')}</SuccessMessage> : null}
        {ending ? (
          <EndAppointmentForm
            key={ending.id}
            appointment={ending}
            onDone={() => {
              setEnding(null);
              setJustEnded(true);
              onChanged();
            }}
            onCancel={() => {
              setEnding(null);
            }}
          />
        ) : null}
      </section>
      {canManage ? (
        <AppointForm officialId={official.id} agencies={agencies} onAppointed={onChanged} />
      ) : null}
    </>
  );
}

/** A sign-in lockout, and for a manager the way to lift it before it runs out. */
function AccountLock({
  official,
  canManage,
  onChanged,
}: {
  official: OfficialRow;
  canManage: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const unlock = useAction(unlockOfficial);
  if (unlock.isDone) return <SuccessMessage>{t('official.unlockedOk')}</SuccessMessage>;
  if (!official.lockedUntil) return null;
  return (
    <div className="alert alert--warning">
      <p>{t('official.lockedUntil', { until: formatDateTime(official.lockedUntil, currentLanguage()) })}</p>
      <FormAlert error={unlock.error} />
      {canManage ? (
        <button
          type="button"
          className="button"
          disabled={unlock.isPending}
          onClick={() => {
            void unlock.run(official.id).then((outcome) => {
              if (outcome.ok) onChanged();
            });
          }}
        >
          {t('official.unlock')}
        </button>
      ) : null}
    </div>
  );
}
