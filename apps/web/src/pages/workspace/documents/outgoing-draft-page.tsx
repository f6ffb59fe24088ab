import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { OutgoingDraft } from '@tinhso/contracts';
import { draftPath, versionPdfPath } from '../../../api/documents-outgoing.ts';
import { AsyncContent } from '../../../components/async-state.tsx';
import { useApi } from '../../../hooks/use-api.ts';
import { useDocumentTitle } from '../../../hooks/use-document-title.ts';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatDateTime } from '../../../lib/dates.ts';
import { OutgoingActions, OutgoingOpinions, OutgoingSignatures } from './outgoing-draft-actions.tsx';
import { OutgoingRecallAction, OutgoingRecallBanner } from './recall-panels.tsx';
import { OutgoingUpdateAction } from './update-panel.tsx';

/** One outgoing document: its details, versions, opinions, the next steps, signatures, history. */
export function OutgoingDraftPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const draft = useApi(OutgoingDraft, draftPath(id));
  useDocumentTitle(draft.data?.summary ?? t('outgoing.title'));
  return (
    <>
      <p className="breadcrumb">
        <Link to="/workspace/documents/outgoing">{t('outgoing.back')}</Link>
      </p>
      <AsyncContent state={draft}>
        {(data) => <DraftDetails draft={data} onChanged={draft.reload} />}
      </AsyncContent>
    </>
  );
}

function DraftDetails({ draft, onChanged }: { draft: OutgoingDraft; onChanged: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <>
      <h1>{draft.summary}</h1>
      <p className="lead">
        {draft.typeName} · <strong>{t(`outgoing.statuses.${draft.status}`)}</strong>
        {draft.numberSymbol ? ` · ${t('outgoing.numberSymbol')}: ${draft.numberSymbol}` : ''}
      </p>
      <OutgoingRecallBanner draft={draft} />
      <OutgoingActions draft={draft} onChanged={onChanged} />
      <OutgoingUpdateAction draft={draft} onChanged={onChanged} />
      <OutgoingRecallAction draft={draft} onChanged={onChanged} />
      <section className="panel" aria-labelledby="outgoing-details">
        <h2 id="outgoing-details">{t('outgoing.details')}</h2>
        <dl className="details">
          <dt>{t('outgoing.numberSymbol')}</dt>
          <dd>{draft.numberSymbol ?? t('outgoing.notIssued')}</dd>
          <dt>{t('outgoing.drafter')}</dt>
          <dd>{draft.drafter.name}</dd>
          <dt>{t('outgoing.signer')}</dt>
          <dd>{draft.signer.name}</dd>
          {draft.signingBlock ? (
            <>
              <dt>{t('outgoing.block')}</dt>
              <dd>{draft.signingBlock.lines.join(' / ')}</dd>
            </>
          ) : null}
          <dt>{t('outgoing.urgency')}</dt>
          <dd>{t(`outgoing.urgencies.${draft.urgency}`)}</dd>
          <dt>{t('outgoing.confidentiality')}</dt>
          <dd>{t(`outgoing.confidentialities.${draft.confidentiality}`)}</dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="outgoing-versions">
        <h2 id="outgoing-versions">{t('outgoing.versions')}</h2>
        <ul>
          {draft.versions.map((version) => (
            <li key={version.version}>
              {t('outgoing.version', { version: version.version })} —{' '}
              {t(`outgoing.versionKinds.${version.kind}`)} — {version.createdBy},{' '}
              {formatDateTime(version.createdAt, language)} —{' '}
              <a href={versionPdfPath(draft.id, version.version)} download>
                {t('outgoing.download')} ({t('outgoing.version', { version: version.version })})
              </a>
            </li>
          ))}
        </ul>
      </section>
      {draft.status === 'signed' || draft.status === 'issued' ? <OutgoingSignatures draft={draft} /> : null}
      <OutgoingOpinions draft={draft} onChanged={onChanged} />
      <section className="panel" aria-labelledby="outgoing-recipients">
        <h2 id="outgoing-recipients">{t('outgoing.recipientList')}</h2>
        <ul>
          {draft.recipients.map((recipient, index) => (
            <li key={index}>
              {recipient.name} — {t(`outgoing.deliveries.${recipient.delivery}`)}
              {recipient.exchangeStatus
                ? ` — ${t('outgoing.exchangeStatus', { code: recipient.exchangeStatus.code })} (${t(
                    `exchange.statuses.${recipient.exchangeStatus.code}`,
                    { defaultValue: recipient.exchangeStatus.code },
                  )})${
                    recipient.exchangeStatus.description ? `: ${recipient.exchangeStatus.description}` : ''
                  }`
                : ''}
            </li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="outgoing-history">
        <h2 id="outgoing-history">{t('outgoing.history')}</h2>
        <ol>
          {draft.history.map((step, index) => (
            <li key={index}>
              {formatDateTime(step.at, language)} — {step.actorName}:{' '}
              {t(`outgoing.actions.${step.action}`, { defaultValue: step.action })}
              {step.comment ? ` — ${step.comment}` : ''}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
