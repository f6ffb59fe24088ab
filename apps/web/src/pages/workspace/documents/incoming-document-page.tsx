import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { IncomingHandling } from '@tinhso/contracts';
import { scanAddress, slipAddress } from '../../../api/documents-incoming.ts';
import { AsyncContent } from '../../../components/async-state.tsx';
import { useApi } from '../../../hooks/use-api.ts';
import { useDocumentTitle } from '../../../hooks/use-document-title.ts';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatDate, formatDateTime } from '../../../lib/dates.ts';
import './documents-incoming.css';
import { IncomingActions } from './incoming-actions.tsx';
import { DueBadge, DueBar, StatusLabel, UrgencyLabel } from './incoming-labels.tsx';
import { IncomingRecallBanner } from './recall-panels.tsx';

/** One incoming document: its details and scan, its handling, what I may do, its history. */
export function IncomingDocumentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const state = useApi(IncomingHandling, `/api/documents/incoming/${encodeURIComponent(id)}/handling`);
  const [updated, setUpdated] = useState<IncomingHandling | null>(null);
  const shown = updated?.document.id === id ? updated : state.data;
  useDocumentTitle(
    shown
      ? t('incoming.documentTitle', { number: shown.document.arrivalNumber, year: shown.document.year })
      : t('incoming.registerTitle'),
  );
  return (
    <AsyncContent state={{ ...state, data: shown }}>
      {(handling) => <DocumentView handling={handling} onDone={setUpdated} />}
    </AsyncContent>
  );
}

function DocumentView({
  handling,
  onDone,
}: {
  handling: IncomingHandling;
  onDone: (next: IncomingHandling) => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { document } = handling;
  const assignedAt = handling.history.find((line) => line.action === 'assign')?.at ?? document.receivedAt;
  return (
    <>
      <h1>
        {t('incoming.documentTitle', { number: document.arrivalNumber, year: document.year })}
        <UrgencyLabel urgency={document.urgency} />
      </h1>
      <p className="lead">{document.summary}</p>
      <IncomingRecallBanner handling={handling} />
      <section className="panel" aria-labelledby="in-facts">
        <h2 id="in-facts">{t('incoming.metadata')}</h2>
        <dl className="in-facts">
          <dt>{t('incoming.status')}</dt>
          <dd>
            <StatusLabel status={handling.status} />
          </dd>
          <dt>{t('incoming.numberSymbol')}</dt>
          <dd>{document.numberSymbol}</dd>
          <dt>{t('incoming.issuer')}</dt>
          <dd>{document.issuerName}</dd>
          <dt>{t('incoming.issuedOn')}</dt>
          <dd>{formatDate(document.issuedOn, language)}</dd>
          <dt>{t('incoming.type')}</dt>
          <dd>{document.typeName}</dd>
          <dt>{t('incoming.receivedAt')}</dt>
          <dd>{formatDateTime(document.receivedAt, language)}</dd>
          <dt>{t('incoming.confidentiality')}</dt>
          <dd>{t(`incoming.confidentialities.${document.confidentiality}`)}</dd>
          {handling.deadlineOn ? (
            <>
              <dt>{t('incoming.deadlineOn')}</dt>
              <dd>{formatDate(handling.deadlineOn, language)}</dd>
            </>
          ) : null}
          <dt>{t('incoming.scan')}</dt>
          <dd>
            {document.scanFileId ? (
              <>
                <a href={scanAddress(document.id)} target="_blank" rel="noreferrer">
                  {t('incoming.openScan')}
                </a>{' '}
                <span className="field__hint">
                  {handling.hasText ? t('incoming.searchableText') : t('incoming.imageOnly')}
                </span>
              </>
            ) : (
              t('incoming.noScan')
            )}
          </dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="in-handling">
        <h2 id="in-handling">{t('incoming.handling')}</h2>
        <dl className="in-facts">
          {handling.submittedTo ? (
            <>
              <dt>{t('incoming.submittedTo')}</dt>
              <dd>{handling.submittedTo.name}</dd>
            </>
          ) : null}
          {handling.instruction ? (
            <>
              <dt>{t('incoming.instruction')}</dt>
              <dd>{handling.instruction}</dd>
            </>
          ) : null}
          <dt>{t('incoming.due')}</dt>
          <dd>
            <DueBadge dueOn={handling.dueOn} state={handling.dueState} />
          </dd>
          {handling.resultNote ? (
            <>
              <dt>{t('incoming.resultNote')}</dt>
              <dd>{handling.resultNote}</dd>
            </>
          ) : null}
          {handling.replyReference ? (
            <>
              <dt>{t('incoming.replyReference')}</dt>
              <dd>{handling.replyReference}</dd>
            </>
          ) : null}
        </dl>
        <DueBar dueOn={handling.dueOn} state={handling.dueState} from={assignedAt} />
        <p>
          <a href={slipAddress(document.id)} target="_blank" rel="noreferrer">
            {t('incoming.printSlip')}
          </a>
        </p>
        {handling.assignments.length > 0 ? (
          <>
            <h3>{t('incoming.assignments')}</h3>
            <ul>
              {handling.assignments.map((assignment) => (
                <li key={assignment.id}>
                  <strong>{t(`incoming.roles.${assignment.role}`)}:</strong>{' '}
                  {[assignment.orgUnitName, assignment.accountName].filter(Boolean).join(' — ')}
                  {assignment.dueOn ? ` (${formatDate(assignment.dueOn, language)})` : ''}
                  {assignment.opinion ? ` · ${t('incoming.opinion')}: ${assignment.opinion}` : ''}
                  {assignment.readAt
                    ? ` · ${t('incoming.readAt')} ${formatDateTime(assignment.readAt, language)}`
                    : ''}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <IncomingActions document={handling} onDone={onDone} />
      </section>
      <section className="panel" aria-labelledby="in-history">
        <h2 id="in-history">{t('incoming.history')}</h2>
        <ol className="in-timeline">
          {handling.history.map((line, index) => (
            <li key={`${line.at}-${String(index)}`}>
              <time dateTime={line.at}>{formatDateTime(line.at, language)}</time>{' '}
              <strong>{t(`incoming.actions.${line.action}`)}</strong> — {line.actorLabel}
              {' · '}
              <StatusLabel status={line.toStatus} />
              {line.note ? <p>{line.note}</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
