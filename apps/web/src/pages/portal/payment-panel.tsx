import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Dossier } from '@tinhso/contracts';
import { getInvoice, refreshInvoice, startPayment, type FeeInvoice } from '../../api/portal.ts';
import { FormAlert } from '../../components/form-feedback.tsx';
import { useAction } from '../../hooks/use-action.ts';
import { formatVnd } from './portal-format.ts';

const POLL_EVERY_MS = 2000;
const POLL_TIMES = 15;

/**
 * The fee: its amount and "pay online", which goes to the payment platform. The platform's page
 * sends the browser back here with ?payment=pending; the result arrives by the platform's own call
 * to the server, so this page asks for the invoice until it is paid (and once asks the server to
 * query the platform, in case that call was lost).
 */
export function PaymentPanel({ dossier, onPaid }: { dossier: Dossier; onPaid: () => void }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const isReturning = params.get('payment') === 'pending';
  const [invoice, setInvoice] = useState<FeeInvoice | null>(null);
  const [isWaiting, setWaiting] = useState(isReturning);
  const start = useAction(async (invoiceId: string) => {
    const answer = await startPayment(invoiceId, `/my/dossiers/${dossier.id}`);
    window.location.assign(answer.redirectUrl);
  });
  const invoiceId = dossier.invoiceId;

  useEffect(() => {
    if (!invoiceId) return;
    let isCurrent = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async (attempt: number) => {
      try {
        const next = attempt === 3 ? await refreshInvoice(invoiceId) : await getInvoice(invoiceId);
        if (!isCurrent) return;
        setInvoice(next);
        if (next.status === 'paid') {
          setWaiting(false);
          if (isReturning) {
            setParams({}, { replace: true });
            onPaid();
          }
          return;
        }
      } catch {
        // The invoice cannot be read now (or the payments service is not there): stop quietly.
        if (isCurrent) setWaiting(false);
        return;
      }
      if (isReturning && attempt < POLL_TIMES)
        timer = setTimeout(() => void poll(attempt + 1), POLL_EVERY_MS);
      else setWaiting(false);
    };
    void poll(1);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
    // Reads again when the dossier's invoice or the return flag changes.
  }, [invoiceId, isReturning]);

  if (dossier.feeAmount === 0 && !invoiceId) return null;
  const isPaid = dossier.paymentStatus === 'paid' || invoice?.status === 'paid';
  return (
    <section className="panel" aria-labelledby="d-fee">
      <h2 id="d-fee">{t('portal.payment.title')}</h2>
      <p>
        {t('portal.payment.amount')}: <strong>{formatVnd(invoice?.amountVnd ?? dossier.feeAmount)}</strong>
      </p>
      {isPaid ? (
        <p className="alert alert--success" role="status">
          {invoice?.receiptNo
            ? t('portal.payment.paidWithReceipt', { receipt: invoice.receiptNo })
            : t('portal.payment.paid')}
        </p>
      ) : isWaiting ? (
        <p className="alert alert--info" role="status">
          {t('portal.payment.waiting')}
        </p>
      ) : invoiceId && dossier.paymentStatus === 'due' ? (
        <>
          <FormAlert error={start.error} />
          {isReturning ? (
            <p className="alert alert--info" role="status">
              {t('portal.payment.notYet')}
            </p>
          ) : null}
          <button
            type="button"
            className="button button--primary"
            disabled={start.isPending}
            onClick={() => {
              void start.run(invoiceId);
            }}
          >
            {start.isPending ? t('portal.payment.redirecting') : t('portal.payment.payOnline')}
          </button>
        </>
      ) : (
        <p>{t('portal.payment.later')}</p>
      )}
    </section>
  );
}
