import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Agency, type Agency as AgencyRow } from '@tinhso/contracts';
import { AsyncContent } from '../../components/async-state.tsx';
import { useApi, type ApiState } from '../../hooks/use-api.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { usePublicAgencies } from '../../hooks/use-public-agencies.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDate } from '../../lib/dates.ts';
import { hasPermission, useSignedInSession } from '../../session/session-context.tsx';
import { AgencyEditForm } from './agency-edit-form.tsx';
import { AgencyPositions } from './agency-positions.tsx';
import { AgencyUnits, useOrgUnits } from './agency-units.tsx';

export function AgencyPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const agency = useApi(Agency, `/api/org/agencies/${encodeURIComponent(id)}`);
  useDocumentTitle(agency.data?.name ?? t('agencies.title'));
  return (
    <>
      <p className="breadcrumb">
        <Link to="/workspace/agencies">{t('agency.back')}</Link>
      </p>
      <AsyncContent state={agency}>
        {(data) => <AgencyDetails agency={data} onSaved={agency.reload} />}
      </AsyncContent>
    </>
  );
}

function AgencyDetails({ agency, onSaved }: { agency: AgencyRow; onSaved: () => void }) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const canManage = hasPermission(session, 'org.manage');
  const language = currentLanguage();
  const units = useOrgUnits(agency.id);
  const parent = useApi(Agency, agency.parentId ? `/api/org/agencies/${agency.parentId}` : null);
  return (
    <>
      <h1>{agency.name}</h1>
      <section className="panel" aria-labelledby="agency-details">
        <h2 id="agency-details">{t('agency.details')}</h2>
        <dl className="details">
          <dt>{t('agencies.code')}</dt>
          <dd className="code">{agency.code}</dd>
          <dt>{t('agencies.shortName')}</dt>
          <dd>{agency.shortName ?? t('agencies.none')}</dd>
          <dt>{t('agencies.kind')}</dt>
          <dd>{t(`agencyKind.${agency.kind}`)}</dd>
          <dt>{t('agencies.level')}</dt>
          <dd>{t(`agencyLevel.${agency.level}`)}</dd>
          <dt>{t('agencies.parent')}</dt>
          <dd>
            <ParentAgency parentId={agency.parentId} parent={parent} />
          </dd>
          <dt>{t('agencies.effectiveFrom')}</dt>
          <dd>{formatDate(agency.effectiveFrom, language)}</dd>
          {agency.effectiveTo ? (
            <>
              <dt>{t('agencies.effectiveTo')}</dt>
              <dd>{formatDate(agency.effectiveTo, language)}</dd>
            </>
          ) : null}
        </dl>
      </section>
      {canManage ? <AgencyEditForm key={agency.id} agency={agency} onSaved={onSaved} /> : null}
      <AgencyUnits agencyId={agency.id} units={units} canManage={canManage} />
      <AgencyPositions agencyId={agency.id} units={units} canManage={canManage} />
    </>
  );
}

/**
 * The parent agency, as a link when the officer may open it. A parent outside the officer's scope
 * (the provincial People's Committee, for a department's administrator) is still named, from the
 * public directory.
 */
function ParentAgency({ parentId, parent }: { parentId: string | null; parent: ApiState<AgencyRow> }) {
  const { t } = useTranslation();
  const directory = usePublicAgencies();
  if (!parentId) return <>{t('agencies.none')}</>;
  if (parent.data) return <Link to={`/workspace/agencies/${parentId}`}>{parent.data.name}</Link>;
  return <>{directory.data?.items.find((agency) => agency.id === parentId)?.name ?? parentId}</>;
}
