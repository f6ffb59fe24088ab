import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { MyRemoteSigning } from '@tinhso/contracts';
import { useApi } from '../../../hooks/use-api.ts';

const POLL_MS = 1500;
const clock = (iso: string, language: string) =>
  new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));

/**
 * For an official who signs remotely (ADR 0022): a hint before pressing Sign, and while the signing
 * request waits for the phone, what the phone shows and until when. The signing request itself stays
 * one HTTP call; a refusal or an expiry comes back as its error. Nothing shows for a PKCS#12 signer.
 */
export function RemoteSigningProgress({ isSigning }: { isSigning: boolean }) {
  const { t, i18n } = useTranslation();
  const mine = useApi(MyRemoteSigning, '/api/signatures/remote-signing/mine');
  const { reload } = mine;
  useEffect(() => {
    if (!isSigning) return;
    reload();
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [isSigning, reload]);
  if (!mine.data?.isRemote) return null;
  if (!isSigning) return <p className="field__hint">{t('remoteSigning.hint')}</p>;
  const pending = mine.data.pending.at(-1);
  return (
    <div className="alert" role="status" aria-live="polite">
      <p>
        <strong>{pending ? t('remoteSigning.waiting') : t('remoteSigning.sending')}</strong>
      </p>
      {pending ? (
        <dl>
          <dt>{t('remoteSigning.description')}</dt>
          <dd data-testid="remote-signing-description">{pending.description}</dd>
          <dd>{t('remoteSigning.expiresAt', { time: clock(pending.expiresAt, i18n.language) })}</dd>
        </dl>
      ) : null}
    </div>
  );
}
