import { useTranslation } from 'react-i18next';
import type { TrustAnchor, TrustAnchorList } from '@tinhso/contracts';
import { addTrustAnchor, addTrustCrl, removeTrustAnchor } from '../../../api/signatures.ts';
import { AsyncContent } from '../../../components/async-state.tsx';
import { DataTable, type Column } from '../../../components/data-table.tsx';
import { FormAlert, SuccessMessage } from '../../../components/form-feedback.tsx';
import { SubmitButton, TextField } from '../../../components/form-fields.tsx';
import type { ApiState } from '../../../hooks/use-api.ts';
import { useAction } from '../../../hooks/use-action.ts';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatDate } from '../../../lib/dates.ts';
import { TrustAnchorOcspForm } from './trust-anchor-ocsp-form.tsx';

/** The trusted roots (removed ones marked), adding and removing a root, and adding a CRL. */
export function TrustListSection({ anchors }: { anchors: ApiState<TrustAnchorList> }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const add = useAction(addTrustAnchor);
  const remove = useAction(async (anchor: TrustAnchor) => {
    await removeTrustAnchor(anchor.id);
    return anchor;
  });
  const crl = useAction(addTrustCrl);
  const columns: Column<TrustAnchor>[] = [
    { key: 'name', header: t('signaturesAdmin.anchorName'), cell: (anchor) => anchor.name },
    { key: 'subject', header: t('signaturesAdmin.anchorSubject'), cell: (anchor) => anchor.subject },
    {
      key: 'until',
      header: t('signaturesAdmin.anchorUntil'),
      cell: (anchor) => formatDate(anchor.notAfter, language),
    },
    {
      key: 'ocsp',
      header: t('signaturesAdmin.ocspColumn'),
      cell: (anchor) =>
        anchor.ocspUrl ??
        (anchor.ocspUseAia ? t('signaturesAdmin.ocspFromAia') : t('signaturesAdmin.ocspNone')),
    },
    {
      key: 'added',
      header: t('signaturesAdmin.anchorAdded'),
      cell: (anchor) =>
        anchor.removedAt ? (
          <>
            {formatDate(anchor.addedAt, language)}{' '}
            <span className="key-badge key-badge--expired">
              {t('signaturesAdmin.anchorRemovedOn', { date: formatDate(anchor.removedAt, language) })}
            </span>
          </>
        ) : (
          <>
            {formatDate(anchor.addedAt, language)}{' '}
            <button
              type="button"
              className="button button--small"
              aria-label={t('signaturesAdmin.removeLabel', { name: anchor.name })}
              disabled={remove.isPending}
              onClick={() => {
                void remove.run(anchor).then((outcome) => {
                  if (outcome.ok) anchors.reload();
                });
              }}
            >
              {t('signaturesAdmin.remove')}
            </button>
          </>
        ),
    },
  ];
  return (
    <section aria-labelledby="signatures-trust">
      <h2 id="signatures-trust">{t('signaturesAdmin.trustTitle')}</h2>
      <p>{t('signaturesAdmin.trustLead')}</p>
      <FormAlert error={remove.error} />
      {remove.isDone && remove.result ? (
        <SuccessMessage>{t('signaturesAdmin.removed', { name: remove.result.name })}</SuccessMessage>
      ) : null}
      <AsyncContent
        state={anchors}
        isEmpty={(data) => data.items.length === 0}
        empty={t('signaturesAdmin.anchorsEmpty')}
      >
        {(data) => (
          <>
            <DataTable
              caption={t('signaturesAdmin.trustTitle')}
              columns={columns}
              rows={data.items}
              rowKey={(anchor) => anchor.id}
            />
            <TrustAnchorOcspForm anchors={data.items} onSaved={anchors.reload} />
          </>
        )}
      </AsyncContent>

      <h3>{t('signaturesAdmin.addAnchorTitle')}</h3>
      <form
        noValidate
        className="form"
        aria-label={t('signaturesAdmin.addAnchorTitle')}
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          void add.run(new FormData(form)).then((outcome) => {
            if (!outcome.ok) return;
            form.reset();
            anchors.reload();
          });
        }}
      >
        <FormAlert error={add.error} fields={['file', 'name']} />
        {add.isDone && add.result ? (
          <SuccessMessage>{t('signaturesAdmin.added', { name: add.result.name })}</SuccessMessage>
        ) : null}
        <TextField name="name" label={t('signaturesAdmin.anchorName')} error={add.error} maxLength={200} />
        <TextField
          name="file"
          type="file"
          accept=".cer,.crt,.der,.pem"
          label={t('signaturesAdmin.anchorFile')}
          error={add.error}
        />
        <SubmitButton isPending={add.isPending} pendingLabel={t('signaturesAdmin.adding')}>
          {t('signaturesAdmin.add')}
        </SubmitButton>
      </form>

      <h3>{t('signaturesAdmin.crlTitle')}</h3>
      <form
        noValidate
        className="form"
        aria-label={t('signaturesAdmin.crlTitle')}
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          void crl.run(new FormData(form)).then((outcome) => {
            if (outcome.ok) form.reset();
          });
        }}
      >
        <FormAlert error={crl.error} fields={['file']} />
        {crl.isDone && crl.result ? (
          <SuccessMessage>
            {t('signaturesAdmin.crlAdded', {
              issuer: crl.result.issuer,
              date: crl.result.nextUpdate
                ? formatDate(crl.result.nextUpdate, language)
                : t('signaturesAdmin.noDate'),
              count: crl.result.revoked,
            })}
          </SuccessMessage>
        ) : null}
        <TextField
          name="file"
          type="file"
          accept=".crl,.der,.pem"
          label={t('signaturesAdmin.crlFile')}
          error={crl.error}
        />
        <SubmitButton isPending={crl.isPending} pendingLabel={t('signaturesAdmin.adding')}>
          {t('signaturesAdmin.addCrl')}
        </SubmitButton>
      </form>
    </section>
  );
}
