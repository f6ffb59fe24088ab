import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RemoteSigningAccountList, type Agency, type RemoteSigningAccount } from '@tinhso/contracts';
import { enrolRemoteAccount, removeRemoteAccount } from '../../../api/remote-signing.ts';
import { AsyncContent } from '../../../components/async-state.tsx';
import { DataTable, type Column } from '../../../components/data-table.tsx';
import { Dialog } from '../../../components/dialog.tsx';
import { FormAlert, SuccessMessage } from '../../../components/form-feedback.tsx';
import { SubmitButton, TextField } from '../../../components/form-fields.tsx';
import { useAction } from '../../../hooks/use-action.ts';
import { useApi } from '../../../hooks/use-api.ts';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatDate } from '../../../lib/dates.ts';
import { formText } from '../../../lib/form-data.ts';
import { OwnerFields } from './owner-fields.tsx';

const FIELDS = ['agencyId', 'officialId', 'providerUserId'];

/** The official and their agency, as the list and the dialogs name them. */
function holderOf(account: RemoteSigningAccount, agencies: readonly Agency[]): string {
  const agency = agencies.find((candidate) => candidate.id === account.agencyId)?.name;
  return [account.officialName, agency].filter(Boolean).join(' · ');
}

/**
 * The officials who sign through the remote-signing service (ADR 0022): the current accounts with
 * their certificate, enrolling an official by their user id at the service (the server reads the
 * certificate from it), and removing an account after a confirmation.
 */
export function RemoteAccountsSection({ agencies }: { agencies: readonly Agency[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const accounts = useApi(RemoteSigningAccountList, '/api/signatures/remote-accounts');
  const [agencyId, setAgencyId] = useState('');
  const [removing, setRemoving] = useState<RemoteSigningAccount | null>(null);
  const [removedName, setRemovedName] = useState<string | null>(null);
  const enrol = useAction(enrolRemoteAccount);
  const remove = useAction(removeRemoteAccount);

  const columns: Column<RemoteSigningAccount>[] = [
    {
      key: 'official',
      header: t('remoteAccounts.official'),
      cell: (account) => holderOf(account, agencies),
    },
    {
      key: 'providerUserId',
      header: t('remoteAccounts.providerUserId'),
      cell: (account) => account.providerUserId,
    },
    {
      key: 'since',
      header: t('remoteAccounts.since'),
      cell: (account) => formatDate(account.enrolledAt, language),
    },
    {
      key: 'certificate',
      header: t('remoteAccounts.certificate'),
      cell: (account) => (
        <>
          {account.subject}
          <span className="key-reason">
            {t('remoteAccounts.serial', { serial: account.serialNumber })},{' '}
            {t('remoteAccounts.validUntil', { date: formatDate(account.notAfter, language) })}
          </span>
        </>
      ),
    },
    {
      key: 'actions',
      header: t('remoteAccounts.actions'),
      cell: (account) => (
        <button
          type="button"
          className="button button--small"
          aria-label={t('remoteAccounts.removeLabel', { name: holderOf(account, agencies) })}
          onClick={() => {
            remove.reset();
            setRemoving(account);
          }}
        >
          {t('remoteAccounts.remove')}
        </button>
      ),
    },
  ];
  const name = removing ? holderOf(removing, agencies) : '';

  return (
    <section aria-labelledby="signatures-remote">
      <h2 id="signatures-remote">{t('remoteAccounts.title')}</h2>
      <p>{t('remoteAccounts.lead')}</p>
      {removedName ? (
        <SuccessMessage>{t('remoteAccounts.removed', { name: removedName })}</SuccessMessage>
      ) : null}
      <AsyncContent
        state={accounts}
        isEmpty={(data) => data.items.length === 0}
        empty={t('remoteAccounts.empty')}
      >
        {(data) => (
          <DataTable
            caption={t('remoteAccounts.list')}
            columns={columns}
            rows={data.items}
            rowKey={(account) => account.id}
          />
        )}
      </AsyncContent>

      <h3 id="signatures-remote-enrol">{t('remoteAccounts.enrolTitle')}</h3>
      <p>{t('remoteAccounts.enrolLead')}</p>
      <form
        noValidate
        className="form"
        aria-labelledby="signatures-remote-enrol"
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const data = new FormData(form);
          setRemovedName(null);
          void enrol
            .run({
              officialId: formText(data, 'officialId'),
              providerUserId: formText(data, 'providerUserId'),
            })
            .then((outcome) => {
              if (!outcome.ok) return;
              form.reset();
              setAgencyId('');
              accounts.reload();
            });
        }}
      >
        <FormAlert error={enrol.error} fields={FIELDS} />
        {enrol.isDone && enrol.result ? (
          <SuccessMessage>
            {t('remoteAccounts.enrolled', {
              name: enrol.result.officialName,
              date: formatDate(enrol.result.notAfter, language),
            })}
          </SuccessMessage>
        ) : null}
        <OwnerFields
          agencies={agencies}
          agencyId={agencyId}
          onAgency={setAgencyId}
          withOfficial
          error={enrol.error}
        />
        <TextField
          name="providerUserId"
          label={t('remoteAccounts.providerUserId')}
          hint={t('remoteAccounts.providerUserIdHint')}
          autoComplete="off"
          maxLength={200}
          error={enrol.error}
        />
        <SubmitButton isPending={enrol.isPending} pendingLabel={t('remoteAccounts.enrolling')}>
          {t('remoteAccounts.enrol')}
        </SubmitButton>
      </form>

      <Dialog
        isOpen={removing !== null}
        title={t('remoteAccounts.removeTitle', { name })}
        onClose={() => {
          setRemoving(null);
        }}
      >
        <form
          noValidate
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            if (!removing) return;
            const removedHolder = holderOf(removing, agencies);
            void remove.run(removing.id).then((outcome) => {
              if (!outcome.ok) return;
              setRemoving(null);
              setRemovedName(removedHolder);
              enrol.reset();
              accounts.reload();
            });
          }}
        >
          <p>{t('remoteAccounts.removeLead')}</p>
          <FormAlert error={remove.error} />
          <div className="actions">
            <SubmitButton isPending={remove.isPending} pendingLabel={t('remoteAccounts.removing')}>
              {t('remoteAccounts.remove')}
            </SubmitButton>
            <button
              type="button"
              className="button"
              onClick={() => {
                setRemoving(null);
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
