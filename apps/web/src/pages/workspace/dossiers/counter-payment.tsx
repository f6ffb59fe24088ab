import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dossier } from '@tinhso/contracts';
import {
  newIdempotencyKey,
  payAtCounter,
  receiptUrl,
  type CounterPayment,
  type Sender,
} from '../../../api/back-office.ts';
import { Dialog } from '../../../components/dialog.tsx';
import { FormAlert, SuccessMessage } from '../../../components/form-feedback.tsx';
import { SubmitButton, TextField } from '../../../components/form-fields.tsx';
import { useAction } from '../../../hooks/use-action.ts';
import { formText } from '../../../lib/form-data.ts';

const vnd = (amount: number) => amount.toLocaleString('vi-VN');

/**
 * Thu tiền mặt: the fee of a received dossier taken in cash at the desk. The officer confirms the
 * amount counted in a dialog; the server issues the e-receipt, whose printable copy is linked here.
 * The server decides who may (the receiving agency's desk); others get its refusal in the dialog.
 */
export function CounterPaymentPanel({
  dossier,
  sender,
  canReceive,
  onPaid,
}: {
  dossier: Dossier;
  sender: Sender;
  canReceive: boolean;
  onPaid: () => void;
}) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const [paid, setPaid] = useState<CounterPayment>();
  if (dossier.paymentStatus === 'none') return null;
  return (
    <section className="panel" aria-labelledby="dossier-fee">
      <h2 id="dossier-fee">{t('dossiers.cash.title')}</h2>
      <p>
        {t('dossiers.detail.fee')}: {t('dossiers.detail.feeAmount', { amount: vnd(dossier.feeAmount) })} —{' '}
        {t(`dossiers.cash.status.${dossier.paymentStatus}`)}
      </p>
      {paid ? (
        <SuccessMessage>
          {t('dossiers.cash.done', { receipt: paid.receiptNo, amount: vnd(paid.amountVnd) })}
        </SuccessMessage>
      ) : null}
      {dossier.paymentStatus === 'paid' ? (
        <p>
          <a href={receiptUrl(dossier.id)} target="_blank" rel="noreferrer">
            {t('dossiers.cash.printReceipt')}
          </a>
        </p>
      ) : canReceive && dossier.invoiceId ? (
        <div className="actions">
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              setOpen(true);
            }}
          >
            {t('dossiers.cash.button')}
          </button>
        </div>
      ) : null}
      <Dialog
        isOpen={isOpen}
        title={t('dossiers.cash.confirmTitle')}
        onClose={() => {
          setOpen(false);
        }}
      >
        <CashForm
          dossier={dossier}
          sender={sender}
          onClose={() => {
            setOpen(false);
          }}
          onPaid={(answer) => {
            setPaid(answer);
            setOpen(false);
            onPaid();
          }}
        />
      </Dialog>
    </section>
  );
}

function CashForm({
  dossier,
  sender,
  onClose,
  onPaid,
}: {
  dossier: Dossier;
  sender: Sender;
  onClose: () => void;
  onPaid: (answer: CounterPayment) => void;
}) {
  const { t } = useTranslation();
  // One key per dialog: a double click or a resend after a lost answer takes the cash once.
  const [key] = useState(newIdempotencyKey);
  const send = useAction((amountVnd: number) => payAtCounter(sender, dossier.id, amountVnd, key));
  return (
    <form
      noValidate
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        const typed = formText(new FormData(event.currentTarget), 'amountVnd').replace(/[.\s,]/g, '');
        void send.run(Number(typed)).then((outcome) => {
          if (outcome.ok) onPaid(outcome.value);
        });
      }}
    >
      <p>{t('dossiers.cash.confirmText', { code: dossier.code ?? '', amount: vnd(dossier.feeAmount) })}</p>
      <FormAlert error={send.error} fields={['amountVnd']} />
      <TextField
        name="amountVnd"
        label={t('dossiers.cash.amount')}
        hint={t('dossiers.cash.amountHint')}
        inputMode="numeric"
        defaultValue={String(dossier.feeAmount)}
        error={send.error}
      />
      <div className="actions">
        <SubmitButton isPending={send.isPending} pendingLabel={t('dossiers.action.sending')}>
          {t('dossiers.cash.confirm')}
        </SubmitButton>
        <button type="button" className="button" onClick={onClose}>
          {t('dossiers.action.cancel')}
        </button>
      </div>
    </form>
  );
}
