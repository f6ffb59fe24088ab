import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PublicDossier } from '@tinhso/contracts';
import { publicDossierPath } from '../../api/dossiers.ts';
import { useApi } from '../../hooks/use-api.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { DossierTimeline, DueLine, EventHistory, StatusLabel } from './dossier-timeline.tsx';
import './portal.css';

/** Following a dossier by its code, without signing in (tra cứu hồ sơ). */
export function TrackPage() {
  const { t } = useTranslation();
  const { code } = useParams();
  const navigate = useNavigate();
  const [draft, setDraft] = useState(code ?? '');
  const inputId = useId();
  useDocumentTitle(code ? t('portal.track.titleOf', { code }) : t('portal.track.title'));
  return (
    <>
      <h1>{t('portal.track.title')}</h1>
      <p className="lead">{t('portal.track.lead')}</p>
      <form
        role="search"
        className="filters"
        onSubmit={(event) => {
          event.preventDefault();
          const next = draft.trim().toUpperCase();
          if (next) void navigate(`/track/${encodeURIComponent(next)}`);
        }}
      >
        <div className="field">
          <label htmlFor={inputId}>{t('portal.track.codeLabel')}</label>
          <p className="field__hint" id={`${inputId}-hint`}>
            {t('portal.track.codeHint')}
          </p>
          <input
            id={inputId}
            value={draft}
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={40}
            aria-describedby={`${inputId}-hint`}
            onChange={(event) => {
              setDraft(event.target.value);
            }}
          />
        </div>
        <button type="submit" className="button button--primary">
          {t('portal.track.submit')}
        </button>
      </form>
      {code ? <TrackResult code={code.toUpperCase()} /> : null}
    </>
  );
}

function TrackResult({ code }: { code: string }) {
  const { t } = useTranslation();
  const lookup = useApi(PublicDossier, publicDossierPath(code));
  if (lookup.error && !lookup.isLoading) {
    const key =
      lookup.error.status === 429
        ? 'portal.track.throttled'
        : lookup.error.status === 404
          ? 'portal.track.notFound'
          : lookup.error.status === 400
            ? 'portal.track.badCode'
            : null;
    return (
      <div className="alert alert--error" role="alert">
        <p>{key ? t(key, { code }) : lookup.error.message}</p>
      </div>
    );
  }
  if (!lookup.data) {
    return (
      <p className="loading" role="status">
        {t('states.loading')}
      </p>
    );
  }
  const dossier = lookup.data;
  const language = currentLanguage();
  return (
    <section className="panel" aria-labelledby="track-result">
      <h2 id="track-result">
        {t('portal.track.resultTitle')} <span className="code">{dossier.code}</span>
      </h2>
      <p>
        {t('portal.dossier.status')}: <StatusLabel status={dossier.status} />
      </p>
      <DueLine dueAt={dossier.dueAt} status={dossier.status} />
      <dl className="details">
        <div className="details__row">
          <dt>{t('portal.dossier.procedure')}</dt>
          <dd>{dossier.procedureName}</dd>
        </div>
        <div className="details__row">
          <dt>{t('portal.dossier.applicant')}</dt>
          <dd>{dossier.applicantInitials}</dd>
        </div>
        <div className="details__row">
          <dt>{t('portal.dossier.receivingAgency')}</dt>
          <dd>{dossier.receivingAgency}</dd>
        </div>
        <div className="details__row">
          <dt>{t('portal.dossier.currentAgency')}</dt>
          <dd>{dossier.currentAgency}</dd>
        </div>
        {dossier.submittedAt ? (
          <div className="details__row">
            <dt>{t('portal.dossier.submittedAt')}</dt>
            <dd>{formatDateTime(dossier.submittedAt, language)}</dd>
          </div>
        ) : null}
      </dl>
      <h3>{t('portal.timeline.title')}</h3>
      <DossierTimeline dossier={dossier} />
      <EventHistory events={dossier.events} />
    </section>
  );
}
