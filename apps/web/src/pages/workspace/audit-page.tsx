import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { verifyAuditChain } from '../../api/audit.ts';
import { AuditEventList } from '../../api/schemas.ts';
import { AsyncContent } from '../../components/async-state.tsx';
import { FormAlert } from '../../components/form-feedback.tsx';
import { TextField } from '../../components/form-fields.tsx';
import { Pager } from '../../components/pager.tsx';
import { useAction } from '../../hooks/use-action.ts';
import { useApi } from '../../hooks/use-api.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { localDateTimeToIso } from '../../lib/dates.ts';
import { formText } from '../../lib/form-data.ts';
import { AuditEventCard } from './audit-event-card.tsx';

const PAGE_SIZE = 20;
const FILTERS = ['actor', 'entityType', 'entityId', 'from', 'to'] as const;

export function AuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  useDocumentTitle(t('audit.title'));
  const value = (name: (typeof FILTERS)[number]) => params.get(name) ?? '';
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const events = useApi(AuditEventList, '/api/audit/events', {
    actor: value('actor'),
    entityType: value('entityType'),
    entityId: value('entityId'),
    // The URL keeps what the auditor typed; the server gets instants with the province's offset.
    from: localDateTimeToIso(value('from')),
    to: localDateTimeToIso(value('to')),
    limit: PAGE_SIZE,
    offset,
  });

  return (
    <>
      <h1>{t('audit.title')}</h1>
      <ChainCheck />
      <form
        key={params.toString()}
        role="search"
        aria-label={t('audit.filters')}
        className="filters"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const next = new URLSearchParams();
          for (const name of FILTERS) {
            const text = formText(form, name);
            if (text) next.set(name, text);
          }
          setParams(next);
        }}
      >
        <TextField
          name="actor"
          label={t('audit.actor')}
          hint={t('audit.actorHint')}
          defaultValue={value('actor')}
          required={false}
        />
        <TextField
          name="entityType"
          label={t('audit.entityType')}
          hint={t('audit.entityTypeHint')}
          defaultValue={value('entityType')}
          required={false}
        />
        <TextField
          name="entityId"
          label={t('audit.entityId')}
          defaultValue={value('entityId')}
          required={false}
        />
        <TextField
          name="from"
          type="datetime-local"
          label={t('audit.from')}
          hint={t('audit.timeHint')}
          defaultValue={value('from')}
          required={false}
        />
        <TextField
          name="to"
          type="datetime-local"
          label={t('audit.to')}
          hint={t('audit.timeHint')}
          defaultValue={value('to')}
          required={false}
        />
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t('audit.apply')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setParams(new URLSearchParams());
            }}
          >
            {t('audit.clear')}
          </button>
        </div>
      </form>
      <section aria-labelledby="audit-events">
        <h2 id="audit-events">{t('audit.events')}</h2>
        <AsyncContent state={events} isEmpty={(data) => data.items.length === 0}>
          {(data) => (
            <>
              <ol className="audit-list">
                {data.items.map((event) => (
                  <li key={event.seq}>
                    <AuditEventCard event={event} />
                  </li>
                ))}
              </ol>
              <Pager
                total={data.total}
                limit={PAGE_SIZE}
                offset={offset}
                onChange={(nextOffset) => {
                  const next = new URLSearchParams(params);
                  next.set('offset', String(nextOffset));
                  setParams(next);
                }}
              />
            </>
          )}
        </AsyncContent>
      </section>
    </>
  );
}

/** Recomputes the hash chain on the server and says plainly whether the trail is intact. */
function ChainCheck() {
  const { t } = useTranslation();
  const verify = useAction(verifyAuditChain);
  const report = verify.result;
  return (
    <section className="panel" aria-labelledby="audit-verify">
      <h2 id="audit-verify">{t('audit.verifyTitle')}</h2>
      <p>{t('audit.verifyLead')}</p>
      <button
        type="button"
        className="button button--primary"
        disabled={verify.isPending}
        onClick={() => {
          void verify.run();
        }}
      >
        {verify.isPending ? t('audit.verifying') : t('audit.verify')}
      </button>
      <FormAlert error={verify.error} />
      <div role="status" className="chain-status">
        {report?.ok === true ? (
          <p className="alert alert--success">
            <span aria-hidden="true">✓ </span>
            {t('audit.chainOk', { checked: report.checked })}
          </p>
        ) : null}
        {report?.ok === false ? (
          <p className="alert alert--error">
            <span aria-hidden="true">✗ </span>
            {report.firstBrokenSeq === null
              ? t('audit.chainBrokenUnknown', { checked: report.checked })
              : t('audit.chainBroken', { seq: report.firstBrokenSeq, checked: report.checked })}
          </p>
        ) : null}
      </div>
    </section>
  );
}
