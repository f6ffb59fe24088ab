import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ProcedureVersion } from '@tinhso/contracts';
import { procedurePath } from '../../api/dossiers.ts';
import { AsyncContent } from '../../components/async-state.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { usePublicAgencies } from '../../hooks/use-public-agencies.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDate } from '../../lib/dates.ts';
import { useSession } from '../../session/session-context.tsx';
import { deadlineText, formatVnd } from './portal-format.ts';
import './portal.css';

/** One procedure as the national database publishes it: its seven parts, fees, legal basis, online level. */
export function ProcedurePage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const version = useApi(ProcedureVersion, procedurePath(code));
  useDocumentTitle(version.data?.name ?? t('portal.procedure.title'));
  return (
    <>
      <p className="breadcrumb no-print">
        <Link to="/procedures">{t('portal.procedures.back')}</Link>
      </p>
      <AsyncContent state={version}>{(data) => <ProcedureDetail procedure={data} />}</AsyncContent>
    </>
  );
}

function ProcedureDetail({ procedure }: { procedure: ProcedureVersion }) {
  const { t } = useTranslation();
  const agencies = usePublicAgencies();
  const { state } = useSession();
  const competent = procedure.competentAgencyCode
    ? agencies.data?.items.find((agency) => agency.code === procedure.competentAgencyCode)?.name
    : undefined;
  const fees = procedure.fees;
  return (
    <article>
      <h1>{procedure.name}</h1>
      <ul className="meta">
        <li>
          {t('portal.procedure.code')}: <span className="code">{procedure.code}</span>
        </li>
        <li>
          {t('portal.procedure.sector')}: {procedure.sectorName}
        </li>
        <li>
          <span className={procedure.onlineLevel === 'toan_trinh' ? 'badge badge--online' : 'badge'}>
            {t(`portal.onlineLevel.${procedure.onlineLevel}`)}
          </span>
        </li>
      </ul>
      <p className="actions">
        <Link
          className="button button--primary"
          to={`/procedures/${encodeURIComponent(procedure.code)}/file`}
        >
          {t('portal.procedure.fileOnline')}
        </Link>
      </p>
      {state.status === 'anonymous' ? (
        <p className="field__hint">{t('portal.procedure.signInFirst')}</p>
      ) : null}

      <section className="panel" aria-labelledby="p-steps">
        <h2 id="p-steps">{t('portal.procedure.steps')}</h2>
        <ol>
          {procedure.steps.map((step, index) => (
            <li key={`${step.name}-${String(index)}`}>
              <strong>{step.name}</strong> — {step.unit}
            </li>
          ))}
        </ol>
      </section>

      <section className="panel" aria-labelledby="p-how">
        <h2 id="p-how">{t('portal.procedure.how')}</h2>
        <ul>
          <li>{t(`portal.procedure.howOnline.${procedure.onlineLevel}`)}</li>
          <li>
            {t('portal.procedure.howCounter', {
              places: procedure.receivingAgencyKinds.map((kind) => t(`agencyKind.${kind}`)).join('; '),
            })}
          </li>
          <li>{t('portal.procedure.howPost')}</li>
        </ul>
        {procedure.onlineLevel === 'mot_phan' && procedure.motPhanJustification ? (
          <p>{procedure.motPhanJustification}</p>
        ) : null}
      </section>

      <section className="panel" aria-labelledby="p-components">
        <h2 id="p-components">{t('portal.procedure.components')}</h2>
        <ol>
          {procedure.components.map((component, index) => (
            <li key={`${component.name}-${String(index)}`}>
              <strong>{component.name}</strong>
              <br />
              {t(`portal.componentKind.${component.kind}`)} ·{' '}
              {t('portal.procedure.copies', { count: component.count })} ·{' '}
              {component.required ? t('portal.procedure.required') : t('portal.procedure.optional')}
              {component.template ? (
                <>
                  <br />
                  {t('portal.procedure.template')}: {component.template}
                </>
              ) : null}
              {component.note ? (
                <>
                  <br />
                  <em>{component.note}</em>
                </>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      <section className="panel" aria-labelledby="p-deadline">
        <h2 id="p-deadline">{t('portal.procedure.deadline')}</h2>
        <p>{deadlineText(procedure.deadline)}</p>
        <p className="field__hint">{t('portal.procedure.cutOff', { time: procedure.cutOffTime })}</p>
      </section>

      <section className="panel" aria-labelledby="p-who">
        <h2 id="p-who">{t('portal.procedure.who')}</h2>
        <p>
          {t('portal.procedure.whoText', {
            levels: procedure.levels.map((l) => t(`agencyLevel.${l}`)).join(', '),
          })}
        </p>
      </section>

      <section className="panel" aria-labelledby="p-agency">
        <h2 id="p-agency">{t('portal.procedure.agency')}</h2>
        <dl className="details">
          <div className="details__row">
            <dt>{t('portal.procedure.competent')}</dt>
            <dd>{competent ?? t(`agencyKind.${procedure.competentAgencyKind}`)}</dd>
          </div>
          <div className="details__row">
            <dt>{t('portal.procedure.receiving')}</dt>
            <dd>{procedure.receivingAgencyKinds.map((kind) => t(`agencyKind.${kind}`)).join('; ')}</dd>
          </div>
          <div className="details__row">
            <dt>{t('portal.procedure.result')}</dt>
            <dd>{procedure.resultTemplate}</dd>
          </div>
        </dl>
      </section>

      <section className="panel" aria-labelledby="p-fees">
        <h2 id="p-fees">{t('portal.procedure.fees')}</h2>
        {fees.fixed === null && fees.byCase.length === 0 ? <p>{t('portal.fees.free')}</p> : null}
        <ul>
          {fees.fixed !== null ? <li>{t('portal.fees.fixed', { amount: formatVnd(fees.fixed) })}</li> : null}
          {fees.byCase.map((fee) => (
            <li key={fee.label}>
              {fee.label}: <strong>{formatVnd(fee.amount)}</strong>
            </li>
          ))}
        </ul>
        {fees.exemptions.length > 0 ? (
          <>
            <h3>{t('portal.fees.exemptions')}</h3>
            <ul>
              {fees.exemptions.map((exemption) => (
                <li key={exemption}>{exemption}</li>
              ))}
            </ul>
          </>
        ) : null}
        {fees.basis ? <p className="field__hint">{t('portal.fees.basis', { basis: fees.basis })}</p> : null}
      </section>

      <section className="panel" aria-labelledby="p-legal">
        <h2 id="p-legal">{t('portal.procedure.legalBasis')}</h2>
        <ul>
          {procedure.legalBasis.map((basis) => (
            <li key={basis}>{basis}</li>
          ))}
        </ul>
        <p className="field__hint">
          {t('portal.procedure.version', {
            version: procedure.version,
            from: formatDate(procedure.effectiveFrom, currentLanguage()),
          })}
        </p>
      </section>
    </article>
  );
}
