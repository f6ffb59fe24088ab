import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Dossier } from '@tinhso/contracts';
import { dossierFileUrl, dossierFormUrl, dossierPath } from '../../api/dossiers.ts';
import { AsyncContent } from '../../components/async-state.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { DossierTimeline, DueLine, EventHistory, StatusLabel } from './dossier-timeline.tsx';
import { formatSize } from './file-uploader.tsx';
import { PaymentPanel } from './payment-panel.tsx';
import { RatingPanel, SupplementPanel, WithdrawPanel } from './dossier-panels.tsx';
import './portal.css';

/** One of my dossiers: where it is, what is asked of me, the result, the fee, the rating. */
export function MyDossierPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const dossier = useApi(Dossier, dossierPath(id));
  useDocumentTitle(dossier.data?.code ?? t('portal.dossier.title'));
  return (
    <>
      <p className="breadcrumb">
        <Link to="/my/dossiers">{t('portal.mine.back')}</Link>
      </p>
      <AsyncContent state={dossier}>
        {(data) => <DossierDetail dossier={data} onChanged={dossier.reload} />}
      </AsyncContent>
    </>
  );
}

function DossierDetail({ dossier, onChanged }: { dossier: Dossier; onChanged: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const results = dossier.files.filter((file) => file.purpose === 'result');
  const components = dossier.files.filter((file) => file.purpose === 'component');
  const can = (action: Dossier['allowedActions'][number]) => dossier.allowedActions.includes(action);
  return (
    <>
      <h1>{dossier.procedureName}</h1>
      <p>
        {t('portal.dossier.code')}: <span className="code">{dossier.code ?? '—'}</span> ·{' '}
        <StatusLabel status={dossier.status} />
      </p>
      <DueLine dueAt={dossier.dueAt} status={dossier.status} />
      {dossier.status === 'draft' ? (
        <p>
          <Link
            className="button button--primary"
            to={`/procedures/${encodeURIComponent(dossier.procedureCode)}/file?draft=${encodeURIComponent(dossier.id)}`}
          >
            {t('portal.dossier.continueDraft')}
          </Link>
        </p>
      ) : null}

      {can('supplement') ? <SupplementPanel dossier={dossier} onDone={onChanged} /> : null}

      {results.length > 0 ? (
        <section className="panel" aria-labelledby="d-result">
          <h2 id="d-result">{t('portal.dossier.result')}</h2>
          <p>
            {t(
              dossier.outcome === 'refused'
                ? 'portal.dossier.outcomeRefused'
                : 'portal.dossier.outcomeApproved',
            )}
          </p>
          <ul className="file-list">
            {results.map((file) => (
              <li key={file.id}>
                <a
                  className="button button--primary"
                  href={dossierFileUrl(dossier.id, file.id)}
                  download={file.name}
                >
                  {t('portal.dossier.downloadResult', { name: file.name })}
                </a>
                <span>{formatSize(file.size)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <PaymentPanel dossier={dossier} onPaid={onChanged} />

      {can('rate') ? <RatingPanel dossier={dossier} onDone={onChanged} /> : null}
      {dossier.rating ? (
        <p className="alert alert--success">
          {t('portal.rating.thanks', { value: t(`portal.rating.${dossier.rating.satisfaction}`) })}
        </p>
      ) : null}

      <section className="panel" aria-labelledby="d-timeline">
        <h2 id="d-timeline">{t('portal.timeline.title')}</h2>
        <DossierTimeline dossier={{ ...dossier, currentAgency: dossier.currentAgency.name }} />
        <EventHistory events={dossier.events} />
      </section>

      <section className="panel" aria-labelledby="d-info">
        <h2 id="d-info">{t('portal.dossier.info')}</h2>
        <dl className="details">
          <div className="details__row">
            <dt>{t('portal.dossier.applicant')}</dt>
            <dd>{dossier.applicant.fullName}</dd>
          </div>
          <div className="details__row">
            <dt>{t('portal.dossier.receivingAgency')}</dt>
            <dd>{dossier.receivingAgency.name}</dd>
          </div>
          <div className="details__row">
            <dt>{t('portal.dossier.competentAgency')}</dt>
            <dd>{dossier.competentAgency.name}</dd>
          </div>
          {dossier.submittedAt ? (
            <div className="details__row">
              <dt>{t('portal.dossier.submittedAt')}</dt>
              <dd>{formatDateTime(dossier.submittedAt, language)}</dd>
            </div>
          ) : null}
          <div className="details__row">
            <dt>{t('portal.file.delivery')}</dt>
            <dd>{t(`portal.delivery.${dossier.deliveryMethod}`)}</dd>
          </div>
        </dl>
        <h3>{t('portal.dossier.files')}</h3>
        <ul className="file-list">
          {components.map((file) => (
            <li key={file.id}>
              <a href={dossierFileUrl(dossier.id, file.id)} download={file.name}>
                {file.name}
              </a>
              <span>{formatSize(file.size)}</span>
            </li>
          ))}
        </ul>
        {dossier.forms.length > 0 ? (
          <>
            <h3>{t('portal.dossier.forms')}</h3>
            <ul>
              {dossier.forms.map((form) => (
                <li key={form}>
                  <a href={dossierFormUrl(dossier.id, form)} target="_blank" rel="noopener">
                    {t(`portal.forms.f${form}`)}
                    <span className="visually-hidden"> ({t('portal.dossier.newTab')})</span>
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {can('withdraw') ? <WithdrawPanel dossier={dossier} onDone={onChanged} /> : null}
    </>
  );
}
