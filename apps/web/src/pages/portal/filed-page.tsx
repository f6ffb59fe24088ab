import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Dossier } from '@tinhso/contracts';
import { dossierFormUrl, dossierPath } from '../../api/dossiers.ts';
import { AsyncContent } from '../../components/async-state.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { formatVnd } from './portal-format.ts';
import './portal.css';

/** Right after filing: the code, big and copyable, what happens next, and a receipt to print. */
export function FiledPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const dossier = useApi(Dossier, dossierPath(id));
  useDocumentTitle(t('portal.filed.title'));
  return (
    <section className="narrow">
      <h1>{t('portal.filed.title')}</h1>
      <AsyncContent state={dossier}>{(data) => <Receipt dossier={data} />}</AsyncContent>
    </section>
  );
}

function Receipt({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const code = dossier.code ?? '';
  return (
    <>
      <div className="alert alert--success" role="status">
        <p>{t('portal.filed.success')}</p>
      </div>
      <div className="panel">
        <p>{t('portal.filed.codeLabel')}</p>
        <p className="dossier-code" id="dossier-code">
          {code}
        </p>
        <p className="actions no-print">
          <button
            type="button"
            className="button"
            onClick={() => {
              navigator.clipboard.writeText(code).then(
                () => {
                  setCopied('yes');
                },
                () => {
                  setCopied('no');
                },
              );
            }}
          >
            {t('portal.filed.copy')}
          </button>
          <span role="status">
            {copied === 'yes'
              ? t('portal.filed.copied')
              : copied === 'no'
                ? t('portal.filed.copyFailed')
                : ''}
          </span>
        </p>
        <dl className="details">
          <div className="details__row">
            <dt>{t('portal.dossier.procedure')}</dt>
            <dd>{dossier.procedureName}</dd>
          </div>
          <div className="details__row">
            <dt>{t('portal.dossier.applicant')}</dt>
            <dd>{dossier.applicant.fullName}</dd>
          </div>
          <div className="details__row">
            <dt>{t('portal.dossier.receivingAgency')}</dt>
            <dd>{dossier.receivingAgency.name}</dd>
          </div>
          {dossier.submittedAt ? (
            <div className="details__row">
              <dt>{t('portal.dossier.submittedAt')}</dt>
              <dd>{formatDateTime(dossier.submittedAt, currentLanguage())}</dd>
            </div>
          ) : null}
          <div className="details__row">
            <dt>{t('portal.procedure.fee')}</dt>
            <dd>{formatVnd(dossier.feeAmount)}</dd>
          </div>
        </dl>
      </div>
      <section className="panel" aria-labelledby="next-title">
        <h2 id="next-title">{t('portal.filed.nextTitle')}</h2>
        <ol>
          <li>{t('portal.filed.next1')}</li>
          <li>{t('portal.filed.next2')}</li>
          <li>{t('portal.filed.next3')}</li>
        </ol>
      </section>
      <p className="actions no-print">
        {dossier.forms.includes('01') ? (
          <a
            className="button button--primary"
            href={dossierFormUrl(dossier.id, '01')}
            target="_blank"
            rel="noopener"
          >
            {t('portal.filed.print')}
          </a>
        ) : (
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              window.print();
            }}
          >
            {t('portal.filed.print')}
          </button>
        )}
        <Link className="button" to={`/track/${encodeURIComponent(code)}`}>
          {t('portal.filed.follow')}
        </Link>
        <Link className="button" to={`/my/dossiers/${encodeURIComponent(dossier.id)}`}>
          {t('portal.filed.open')}
        </Link>
      </p>
    </>
  );
}
