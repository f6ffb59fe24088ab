import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '@tinhso/contracts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/dates.ts';

/** A value of the event's data as a person reads it: text as is, anything nested as compact JSON. */
export function readableValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return JSON.stringify(value);
}

export function AuditEventCard({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const entries = Object.entries(event.data);
  return (
    <article className="audit-event" aria-labelledby={`audit-${String(event.seq)}`}>
      <header className="audit-event__header">
        <h3 id={`audit-${String(event.seq)}`}>
          <span className="code">{event.type}</span>
        </h3>
        <p className="audit-event__meta">
          <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt, language)}</time>
          {' · '}
          {t('audit.seq', { seq: event.seq })}
        </p>
      </header>
      <dl className="details details--compact">
        <dt>{t('audit.by')}</dt>
        <dd>{event.actorLabel}</dd>
        <dt>{t('audit.entity')}</dt>
        <dd>
          <span className="code">
            {event.entityType} {event.entityId}
          </span>
        </dd>
        {event.correlationId ? (
          <>
            <dt>{t('audit.correlation')}</dt>
            <dd className="code">{event.correlationId}</dd>
          </>
        ) : null}
      </dl>
      <h4>{t('audit.data')}</h4>
      {entries.length === 0 ? (
        <p className="empty">{t('audit.noData')}</p>
      ) : (
        <dl className="details details--compact audit-event__data">
          {entries.map(([key, value]) => (
            <div key={key} className="details__row">
              <dt className="code">{key}</dt>
              <dd>{readableValue(value)}</dd>
            </div>
          ))}
        </dl>
      )}
    </article>
  );
}
