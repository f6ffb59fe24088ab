import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  ExchangeDirectoryList,
  ExchangeInboundList,
  ExchangeOutboundList,
  ExchangeQuarantineList,
  type ExchangeInboundItem,
  type ExchangeOutboundPackage,
} from '@tinhso/contracts';
import { registerReceived, returnReceived } from '../../../api/exchange.ts';
import { AsyncContent } from '../../../components/async-state.tsx';
import { DataTable, type Column } from '../../../components/data-table.tsx';
import { FormAlert, SuccessMessage } from '../../../components/form-feedback.tsx';
import { SubmitButton, TextField } from '../../../components/form-fields.tsx';
import { useAction } from '../../../hooks/use-action.ts';
import { useApi, type ApiState } from '../../../hooks/use-api.ts';
import { useDocumentTitle } from '../../../hooks/use-document-title.ts';
import { formText } from '../../../lib/form-data.ts';
import { hasPermission, useSignedInSession } from '../../../session/session-context.tsx';

const when = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) : '—';

/** Liên thông văn bản: the box of received documents, what was sent and its statuses, quarantine, directory. */
export function ExchangePage() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  useDocumentTitle(t('exchange.title'));
  const canRegister = hasPermission(session, 'document.register');
  const inbox = useApi(ExchangeInboundList, canRegister ? '/api/exchange/inbox' : null, { state: 'waiting' });
  const outbound = useApi(ExchangeOutboundList, '/api/exchange/outbound');
  const quarantine = useApi(ExchangeQuarantineList, '/api/exchange/quarantine');
  const directory = useApi(ExchangeDirectoryList, '/api/exchange/directory');
  // What the clerk just did, said above the box: the decided card itself leaves the box.
  const [decided, setDecided] = useState<{ kind: Decision; subject: string } | null>(null);
  return (
    <>
      <h1>{t('exchange.title')}</h1>
      <p className="lead">{t('exchange.lead')}</p>
      {canRegister ? (
        <section aria-labelledby="exchange-inbox">
          <h2 id="exchange-inbox">{t('exchange.inbox')}</h2>
          {decided ? (
            <SuccessMessage>
              {decided.kind === 'registered'
                ? t('exchange.registered', { subject: decided.subject })
                : t('exchange.returnedToSender', { subject: decided.subject })}{' '}
              {decided.kind === 'registered' ? (
                <Link to="/workspace/documents/incoming">{t('exchange.openRegister')}</Link>
              ) : null}
            </SuccessMessage>
          ) : null}
          <AsyncContent
            state={inbox}
            isEmpty={(data) => data.items.length === 0}
            empty={t('exchange.inboxEmpty')}
          >
            {(data) => (
              <ul className="card-list">
                {data.items.map((item) => (
                  <ReceivedCard
                    key={item.id}
                    item={item}
                    onDecided={(kind) => {
                      setDecided({ kind, subject: item.subject });
                      inbox.reload();
                    }}
                  />
                ))}
              </ul>
            )}
          </AsyncContent>
        </section>
      ) : null}
      <OutboundSection state={outbound} />
      <section aria-labelledby="exchange-quarantine">
        <h2 id="exchange-quarantine">{t('exchange.quarantine')}</h2>
        <AsyncContent
          state={quarantine}
          isEmpty={(data) => data.items.length === 0}
          empty={t('exchange.quarantineEmpty')}
        >
          {(data) => (
            <DataTable
              caption={t('exchange.quarantine')}
              rows={data.items}
              rowKey={(item) => item.id}
              columns={[
                { key: 'at', header: t('exchange.receivedAt'), cell: (item) => when(item.receivedAt) },
                { key: 'sender', header: t('exchange.sender'), cell: (item) => item.senderCode ?? '—' },
                { key: 'doc', header: t('exchange.documentId'), cell: (item) => item.documentId ?? '—' },
                {
                  key: 'reasons',
                  header: t('exchange.reasons'),
                  cell: (item) => (
                    <ul>
                      {item.reasons.map((reason) => (
                        <li key={reason}>{reason}</li>
                      ))}
                    </ul>
                  ),
                },
              ]}
            />
          )}
        </AsyncContent>
      </section>
      <section aria-labelledby="exchange-directory">
        <h2 id="exchange-directory">{t('exchange.directory')}</h2>
        <AsyncContent state={directory} isEmpty={(data) => data.items.length === 0}>
          {(data) => (
            <DataTable
              caption={t('exchange.directory')}
              rows={data.items}
              rowKey={(item) => item.code}
              columns={[
                {
                  key: 'code',
                  header: t('exchange.code'),
                  cell: (item) => <span className="code">{item.code}</span>,
                },
                { key: 'name', header: t('exchange.agency'), cell: (item) => item.name },
                {
                  key: 'transport',
                  header: t('exchange.transport'),
                  cell: (item) =>
                    t(`exchange.transports.${item.transport}`) + (item.peer ? ` (${item.peer})` : ''),
                },
              ]}
            />
          )}
        </AsyncContent>
      </section>
    </>
  );
}

type Decision = 'registered' | 'returned';

function ReceivedCard({
  item,
  onDecided,
}: {
  item: ExchangeInboundItem;
  onDecided: (kind: Decision) => void;
}) {
  const { t } = useTranslation();
  const [isReturning, setReturning] = useState(false);
  const register = useAction(() => registerReceived(item.id));
  const giveBack = useAction((reason: string) => returnReceived(item.id, reason));
  return (
    <li className="card">
      <h3>
        {item.numberSymbol} — {item.subject}
      </h3>
      <p>
        {t('exchange.from', { sender: item.senderName, code: item.senderCode })} · {when(item.receivedAt)}
      </p>
      <p>{item.signer ? t('exchange.signedBy', { signer: item.signer }) : t('exchange.unsigned')}</p>
      <FormAlert error={register.error ?? giveBack.error} />
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          disabled={register.isPending}
          onClick={() => {
            void register.run().then((outcome) => outcome.ok && onDecided('registered'));
          }}
        >
          {t('exchange.register')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => setReturning(!isReturning)}
          aria-expanded={isReturning}
        >
          {t('exchange.return')}
        </button>
      </div>
      {isReturning ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const reason = formText(new FormData(event.currentTarget), 'reason');
            void giveBack.run(reason).then((outcome) => outcome.ok && onDecided('returned'));
          }}
        >
          <TextField name="reason" label={t('exchange.returnReason')} />
          <SubmitButton isPending={giveBack.isPending} pendingLabel={t('actions.saving')}>
            {t('exchange.confirmReturn')}
          </SubmitButton>
        </form>
      ) : null}
    </li>
  );
}

function OutboundSection({ state }: { state: ApiState<{ items: ExchangeOutboundPackage[] }> }) {
  const { t } = useTranslation();
  type Row = ExchangeOutboundPackage['recipients'][number] & {
    subject: string;
    documentId: string;
    businessType: ExchangeOutboundPackage['businessType'];
  };
  const columns: Column<Row>[] = [
    {
      key: 'doc',
      header: t('exchange.document'),
      cell: (row) =>
        `${row.documentId} — ${row.subject}` +
        (row.businessType === 'new' ? '' : ` (${t(`exchange.businessTypes.${row.businessType}`)})`),
    },
    {
      key: 'to',
      header: t('exchange.recipient'),
      cell: (row) => `${row.recipientName} (${row.recipientCode})`,
    },
    { key: 'sent', header: t('exchange.sentAt'), cell: (row) => when(row.sentAt) },
    {
      key: 'status',
      header: t('exchange.status'),
      cell: (row) =>
        row.statusCode
          ? `${row.statusCode} · ${t(`exchange.statuses.${row.statusCode}`, { defaultValue: row.statusCode })}` +
            (row.statusDescription ? ` — ${row.statusDescription}` : '')
          : row.businessType === 'update'
            ? t('exchange.updateHasNoStatus')
            : t('exchange.noStatus'),
    },
  ];
  return (
    <section aria-labelledby="exchange-outbound">
      <h2 id="exchange-outbound">{t('exchange.outbound')}</h2>
      <AsyncContent
        state={state}
        isEmpty={(data) => data.items.length === 0}
        empty={t('exchange.outboundEmpty')}
      >
        {(data) => (
          <DataTable
            caption={t('exchange.outbound')}
            columns={columns}
            rows={data.items.flatMap((item) =>
              item.recipients.map((recipient) => ({
                ...recipient,
                subject: item.subject,
                documentId: item.documentId,
                businessType: item.businessType,
              })),
            )}
            rowKey={(row) => row.id}
          />
        )}
      </AsyncContent>
    </section>
  );
}
