import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Static } from 'typebox';
import type { SignatureReportSchema } from '@tinhso/contracts';
import { verifyPdf } from '../../api/signatures.ts';
import { FormAlert } from '../../components/form-feedback.tsx';
import { useAction } from '../../hooks/use-action.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import './verify-page.css';

type Report = Static<typeof SignatureReportSchema>;

/**
 * Anyone checks the digital signatures of a PDF (issue 4: a public page and endpoint): each
 * signature's signer, issuer, time, integrity, trust and revocation, and a verdict that never calls
 * an untrusted or revoked signature valid. Said in words and marks, not by colour alone.
 */
export function VerifyPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('verify.title'));
  const inputId = useId();
  const [name, setName] = useState('');
  const check = useAction(verifyPdf);
  return (
    <>
      <h1>{t('verify.title')}</h1>
      <p className="lead">{t('verify.lead')}</p>
      <form
        noValidate
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          const file = new FormData(event.currentTarget).get('file');
          if (!(file instanceof File) || file.size === 0) return;
          setName(file.name);
          void check.run(file);
        }}
      >
        <FormAlert error={check.error} fields={['file']} />
        <div className="field">
          <label htmlFor={inputId}>{t('verify.file')}</label>
          <input id={inputId} name="file" type="file" accept="application/pdf,.pdf" required />
        </div>
        <button type="submit" className="button button--primary" disabled={check.isPending}>
          {check.isPending ? t('verify.checking') : t('verify.check')}
        </button>
      </form>
      {check.result ? (
        <section aria-labelledby="verify-result" aria-live="polite">
          <h2 id="verify-result">{t('verify.result', { name })}</h2>
          <p>{t('verify.count', { count: check.result.signatures.length })}</p>
          {check.result.signatures.map((report, index) => (
            <SignatureCard
              key={`${report.fieldName ?? ''}-${String(index)}`}
              report={report}
              index={index + 1}
            />
          ))}
        </section>
      ) : null}
    </>
  );
}

function Check({ ok, children }: { ok: boolean; children: string }) {
  return (
    <span className={ok ? 'verify-check verify-check--ok' : 'verify-check verify-check--bad'}>
      <span aria-hidden="true">{ok ? '✓' : '✗'}</span> {children}
    </span>
  );
}

/** The signer certificate's revocation: the verdict, where it came from, and when it was revoked. */
function Revocation({ report }: { report: Report }) {
  const { t } = useTranslation();
  const signer = report.revocationChecks[0];
  const details = [
    report.revocationSource ? t(`verify.revocationSources.${report.revocationSource}`) : null,
    signer?.revokedAt
      ? signer.status === 'revoked'
        ? t('verify.revokedSince', { time: signer.revokedAt })
        : t('verify.revokedAfterValidity', { time: signer.revokedAt })
      : null,
  ].filter((detail): detail is string => detail !== null);
  const verdict = t(`verify.revocationValues.${report.revocation}`);
  return (
    <Check ok={report.revocation === 'good'}>
      {details.length > 0 ? `${verdict} (${details.join('; ')})` : verdict}
    </Check>
  );
}

function SignatureCard({ report, index }: { report: Report; index: number }) {
  const { t } = useTranslation();
  const headingId = useId();
  const timestamp = report.timestamp;
  return (
    <article
      className={report.valid ? 'verify-card verify-card--valid' : 'verify-card verify-card--invalid'}
      aria-labelledby={headingId}
    >
      <h3 id={headingId}>
        {t('verify.signature', { index })}:{' '}
        <strong>{report.valid ? t('verify.valid') : t('verify.invalid')}</strong>
      </h3>
      <dl className="details">
        <dt>{t('verify.signer')}</dt>
        <dd>{report.signer?.commonName ?? report.name ?? t('verify.unknown')}</dd>
        <dt>{t('verify.organisation')}</dt>
        <dd>{report.signer?.organisation ?? t('verify.unknown')}</dd>
        <dt>{t('verify.issuer')}</dt>
        <dd>{report.signer?.issuer ?? t('verify.unknown')}</dd>
        <dt>{t('verify.serial')}</dt>
        <dd className="code">{report.signer?.serialNumber ?? t('verify.unknown')}</dd>
        <dt>{t('verify.time')}</dt>
        <dd>{report.signingTime ?? t('verify.unknown')}</dd>
        <dt>{t('verify.timestamp')}</dt>
        <dd>
          {timestamp
            ? timestamp.trusted
              ? t('verify.timestampTrusted', { time: timestamp.time })
              : t('verify.timestampUntrusted', { time: timestamp.time })
            : t('verify.noTimestamp')}
        </dd>
        <dt>{t('verify.validityTime')}</dt>
        <dd>
          {report.validityTimeSource === 'timestamp'
            ? t('verify.validityAtTimestamp', { time: report.validityTime })
            : t('verify.validityAtCheck', { time: report.validityTime })}
        </dd>
        <dt>{t('verify.integrity')}</dt>
        <dd>
          <Check ok={report.integrity}>
            {report.integrity ? t('verify.integrityOk') : t('verify.integrityBad')}
          </Check>
        </dd>
        <dt>{t('verify.trust')}</dt>
        <dd>
          <Check ok={report.trust === 'trusted'}>{t(`verify.trustValues.${report.trust}`)}</Check>
        </dd>
        <dt>{t('verify.revocation')}</dt>
        <dd>
          <Revocation report={report} />
        </dd>
        <dt>{t('verify.coverage')}</dt>
        <dd>{report.coversWholeDocument ? t('verify.wholeDocument') : t('verify.earlierRevision')}</dd>
      </dl>
    </article>
  );
}
