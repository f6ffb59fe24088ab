import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency, SigningKey, SigningKeyList } from '@tinhso/contracts';
import { revokeSigningKey } from '../../../api/signatures.ts';
import { AsyncContent } from '../../../components/async-state.tsx';
import { DataTable, type Column } from '../../../components/data-table.tsx';
import { Dialog } from '../../../components/dialog.tsx';
import { FormAlert, SuccessMessage } from '../../../components/form-feedback.tsx';
import { SubmitButton, TextField } from '../../../components/form-fields.tsx';
import type { ApiState } from '../../../hooks/use-api.ts';
import { useAction } from '../../../hooks/use-action.ts';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatDate } from '../../../lib/dates.ts';
import { formText } from '../../../lib/form-data.ts';

const DAY_MS = 86_400_000;
/** Under this many days left a key is flagged: renewing a certificate takes weeks. */
const SOON_DAYS = 60;

/** Days left before the certificate expires, and the badge that says it in words (not colour alone). */
function ValidityBadge({ notAfter }: { notAfter: string }) {
  const { t } = useTranslation();
  const days = Math.floor((new Date(notAfter).getTime() - Date.now()) / DAY_MS);
  const tone = days < 0 ? 'expired' : days < SOON_DAYS ? 'soon' : 'ok';
  return (
    <span className={`key-badge key-badge--${tone}`}>
      {days < 0 ? t('signaturesAdmin.expired') : t('signaturesAdmin.daysLeft', { count: days })}
    </span>
  );
}

/** Who holds a key: the certificate's name and the agency (the demo and enrolments name the holder in the CN). */
function ownerOf(key: SigningKey, agencies: readonly Agency[]): string {
  const agency = agencies.find((candidate) => candidate.id === key.agencyId)?.name;
  if (key.kind === 'seal') return agency ?? key.commonName ?? key.subject;
  return [key.commonName ?? key.subject, agency].filter(Boolean).join(' · ');
}

/** The keys of officials and agencies, newest first, each revocable while in use. */
export function SigningKeysSection({
  keys,
  agencies,
}: {
  keys: ApiState<SigningKeyList>;
  agencies: readonly Agency[];
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [revoking, setRevoking] = useState<SigningKey | null>(null);
  const revoke = useAction(revokeSigningKey);
  const columns: Column<SigningKey>[] = [
    { key: 'owner', header: t('signaturesAdmin.owner'), cell: (key) => ownerOf(key, agencies) },
    { key: 'kind', header: t('signaturesAdmin.kind'), cell: (key) => t(`signaturesAdmin.kinds.${key.kind}`) },
    { key: 'subject', header: t('signaturesAdmin.subject'), cell: (key) => key.subject },
    { key: 'issuer', header: t('signaturesAdmin.issuer'), cell: (key) => key.issuer },
    {
      key: 'validity',
      header: t('signaturesAdmin.validity'),
      cell: (key) => (
        <>
          {t('signaturesAdmin.validUntil', { date: formatDate(key.notAfter, language) })}{' '}
          <ValidityBadge notAfter={key.notAfter} />
        </>
      ),
    },
    {
      key: 'status',
      header: t('signaturesAdmin.status'),
      cell: (key) =>
        key.status === 'active' ? (
          <>
            {t('signaturesAdmin.statuses.active')}{' '}
            <button
              type="button"
              className="button button--small"
              aria-label={`${t('signaturesAdmin.revoke')}: ${ownerOf(key, agencies)}`}
              onClick={() => {
                revoke.reset();
                setRevoking(key);
              }}
            >
              {t('signaturesAdmin.revoke')}
            </button>
          </>
        ) : (
          <>
            {t('signaturesAdmin.statuses.revoked')}
            {key.revokeReason ? (
              <span className="key-reason">
                {t('signaturesAdmin.revokedBecause', { reason: key.revokeReason })}
              </span>
            ) : null}
          </>
        ),
    },
  ];
  const name = revoking ? ownerOf(revoking, agencies) : '';
  return (
    <section aria-labelledby="signatures-keys">
      <h2 id="signatures-keys">{t('signaturesAdmin.keys')}</h2>
      {revoke.isDone && revoke.result ? (
        <SuccessMessage>
          {t('signaturesAdmin.revoked', { name: ownerOf(revoke.result, agencies) })}
        </SuccessMessage>
      ) : null}
      <AsyncContent
        state={keys}
        isEmpty={(data) => data.items.length === 0}
        empty={t('signaturesAdmin.keysEmpty')}
      >
        {(data) => (
          <DataTable
            caption={t('signaturesAdmin.keys')}
            columns={columns}
            rows={data.items}
            rowKey={(key) => key.id}
          />
        )}
      </AsyncContent>
      <Dialog
        isOpen={revoking !== null}
        title={t('signaturesAdmin.revokeTitle', { name })}
        onClose={() => {
          setRevoking(null);
        }}
      >
        <form
          noValidate
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            if (!revoking) return;
            const reason = formText(new FormData(event.currentTarget), 'reason');
            void revoke.run(revoking.id, { reason }).then((outcome) => {
              if (!outcome.ok) return;
              setRevoking(null);
              keys.reload();
            });
          }}
        >
          <p>{t('signaturesAdmin.revokeLead')}</p>
          <FormAlert error={revoke.error} fields={['reason']} />
          <TextField name="reason" label={t('signaturesAdmin.reason')} error={revoke.error} minLength={3} />
          <div className="actions">
            <SubmitButton isPending={revoke.isPending} pendingLabel={t('signaturesAdmin.revoking')}>
              {t('signaturesAdmin.revoke')}
            </SubmitButton>
            <button
              type="button"
              className="button"
              onClick={() => {
                setRevoking(null);
              }}
            >
              {t('actions.cancel')}
            </button>
          </div>
        </form>
      </Dialog>
    </section>
  );
}
