import { useTranslation } from 'react-i18next';
import { OutgoingColleagueList, OutgoingSignatureList, type OutgoingDraft } from '@tinhso/contracts';
import {
  answerOpinion,
  approveOutgoing,
  askOpinion,
  draftPath,
  forwardOutgoing,
  issueOutgoing,
  returnOutgoing,
  signOutgoing,
  submitOutgoing,
} from '../../../api/documents-outgoing.ts';
import { AsyncContent } from '../../../components/async-state.tsx';
import { DataTable, type Column } from '../../../components/data-table.tsx';
import { FormAlert, SuccessMessage } from '../../../components/form-feedback.tsx';
import { SelectField, SubmitButton, TextField } from '../../../components/form-fields.tsx';
import { useAction } from '../../../hooks/use-action.ts';
import { useApi } from '../../../hooks/use-api.ts';
import { formText, optionalText } from '../../../lib/form-data.ts';
import { RemoteSigningProgress } from './remote-signing-progress.tsx';

type Props = { draft: OutgoingDraft; onChanged: () => void };
type Check = OutgoingSignatureList['signatures'][number];

/** One change of the draft; on success the page reads the draft again. */
function useStep(onChanged: () => void) {
  return useAction(async (run: () => Promise<OutgoingDraft>) => {
    const value = await run();
    onChanged();
    return value;
  });
}

/** The next steps the caller may take, as the server lists them in allowedActions. */
export function OutgoingActions({ draft, onChanged }: Props) {
  const { t } = useTranslation();
  const step = useStep(onChanged);
  const allowed = new Set(draft.allowedActions);
  const colleagues = useApi(
    OutgoingColleagueList,
    allowed.has('submit') ? '/api/documents/outgoing/colleagues' : null,
  );
  const steps = [...allowed].filter((action) => !['edit', 'ask_opinion', 'recall'].includes(action));
  if (steps.length === 0) return null;
  const onSubmit =
    (run: (form: FormData) => Promise<OutgoingDraft>) => (event: React.FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const form = new FormData(event.currentTarget);
      void step.run(() => run(form));
    };
  return (
    <section className="panel" aria-labelledby="outgoing-actions">
      <h2 id="outgoing-actions">{t('outgoing.review')}</h2>
      <FormAlert error={step.error} fields={[]} />
      {step.isDone ? <SuccessMessage>{t('outgoing.done')}</SuccessMessage> : null}
      {allowed.has('submit') ? (
        <form
          noValidate
          className="form"
          onSubmit={onSubmit((form) => {
            const reviewerId = optionalText(form, 'reviewerId');
            const comment = optionalText(form, 'comment');
            return submitOutgoing(draft.id, {
              ...(reviewerId ? { reviewerId } : {}),
              ...(comment ? { comment } : {}),
            });
          })}
        >
          <SelectField name="reviewerId" label={t('outgoing.reviewer')} isOptional defaultValue="">
            <option value="">{t('outgoing.straightToSigner')}</option>
            {(colleagues.data?.items ?? [])
              .filter((person) => person.officialId !== draft.drafter.officialId)
              .map((person) => (
                <option key={person.officialId} value={person.officialId}>
                  {person.name} — {person.title}
                </option>
              ))}
          </SelectField>
          <TextField name="comment" label={t('outgoing.comment')} isOptional />
          <SubmitButton isPending={step.isPending} pendingLabel={t('outgoing.saving')}>
            {t('outgoing.submit')}
          </SubmitButton>
        </form>
      ) : null}
      {allowed.has('forward') || allowed.has('approve') || allowed.has('sign') ? (
        <div className="actions">
          {allowed.has('forward') ? (
            <button
              type="button"
              className="button button--primary"
              disabled={step.isPending}
              onClick={() => void step.run(() => forwardOutgoing(draft.id))}
            >
              {t('outgoing.forward')}
            </button>
          ) : null}
          {allowed.has('approve') ? (
            <button
              type="button"
              className="button button--primary"
              disabled={step.isPending}
              onClick={() => void step.run(() => approveOutgoing(draft.id))}
            >
              {t('outgoing.approve')}
            </button>
          ) : null}
          {allowed.has('sign') ? (
            <>
              <p className="field__hint">{t('outgoing.signHint')}</p>
              <RemoteSigningProgress isSigning={step.isPending} />
              <button
                type="button"
                className="button button--primary"
                disabled={step.isPending}
                onClick={() => void step.run(() => signOutgoing(draft.id))}
              >
                {t('outgoing.sign')}
              </button>
            </>
          ) : null}
        </div>
      ) : null}
      {allowed.has('return') ? (
        <form
          noValidate
          className="form"
          onSubmit={onSubmit((form) => returnOutgoing(draft.id, formText(form, 'returnComment')))}
        >
          <TextField name="returnComment" label={t('outgoing.returnComment')} />
          <button type="submit" className="button" disabled={step.isPending}>
            {t('outgoing.return')}
          </button>
        </form>
      ) : null}
      {allowed.has('issue') ? (
        <form
          noValidate
          className="form"
          onSubmit={onSubmit((form) => {
            const copies = Number(optionalText(form, 'copies') ?? '');
            const keptBy = optionalText(form, 'keptBy');
            const note = optionalText(form, 'note');
            return issueOutgoing(draft.id, {
              ...(copies > 0 ? { copies } : {}),
              ...(keptBy ? { keptBy } : {}),
              ...(note ? { note } : {}),
            });
          })}
        >
          <p className="field__hint">{t('outgoing.issueHint')}</p>
          <TextField name="copies" type="number" min={1} label={t('outgoing.copies')} isOptional />
          <TextField name="keptBy" label={t('outgoing.keptBy')} isOptional />
          <TextField name="note" label={t('outgoing.note')} isOptional />
          <SubmitButton isPending={step.isPending} pendingLabel={t('outgoing.saving')}>
            {t('outgoing.issue')}
          </SubmitButton>
        </form>
      ) : null}
    </section>
  );
}

/** The opinions asked and given; the drafter asks, the colleague asked answers. */
export function OutgoingOpinions({ draft, onChanged }: Props) {
  const { t } = useTranslation();
  const step = useStep(onChanged);
  const canAsk = draft.allowedActions.includes('ask_opinion');
  const colleagues = useApi(OutgoingColleagueList, canAsk ? '/api/documents/outgoing/colleagues' : null);
  return (
    <section className="panel" aria-labelledby="outgoing-opinions">
      <h2 id="outgoing-opinions">{t('outgoing.opinions')}</h2>
      <FormAlert error={step.error} fields={['officialIds', 'question', 'answer']} />
      {draft.opinions.length === 0 ? <p>{t('outgoing.noOpinions')}</p> : null}
      <ul>
        {draft.opinions.map((opinion) => (
          <li key={opinion.id}>
            <strong>{opinion.official.name}</strong>: {opinion.question} —{' '}
            {opinion.answer ?? t('outgoing.waitingAnswer')}
            {opinion.isMine && opinion.answer === null ? (
              <form
                noValidate
                className="form"
                onSubmit={(event) => {
                  event.preventDefault();
                  const answer = formText(new FormData(event.currentTarget), 'answer');
                  void step.run(() => answerOpinion(draft.id, opinion.id, answer));
                }}
              >
                <TextField name="answer" label={t('outgoing.answer')} error={step.error} />
                <SubmitButton isPending={step.isPending} pendingLabel={t('outgoing.saving')}>
                  {t('outgoing.sendAnswer')}
                </SubmitButton>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
      {canAsk ? (
        <AsyncContent state={colleagues}>
          {(people) => (
            <form
              noValidate
              className="form"
              onSubmit={(event) => {
                event.preventDefault();
                const form = new FormData(event.currentTarget);
                void step.run(() =>
                  askOpinion(draft.id, {
                    officialIds: [formText(form, 'officialIds')],
                    question: formText(form, 'question'),
                  }),
                );
              }}
            >
              <SelectField name="officialIds" label={t('outgoing.askOf')} error={step.error}>
                {people.items
                  .filter((person) => person.officialId !== draft.drafter.officialId)
                  .map((person) => (
                    <option key={person.officialId} value={person.officialId}>
                      {person.name} — {person.title}
                    </option>
                  ))}
              </SelectField>
              <TextField name="question" label={t('outgoing.question')} error={step.error} />
              <SubmitButton isPending={step.isPending} pendingLabel={t('outgoing.saving')}>
                {t('outgoing.askOpinion')}
              </SubmitButton>
            </form>
          )}
        </AsyncContent>
      ) : null}
    </section>
  );
}

/** The verification report of each signature of the signed or issued PDF (R-SIG-5). */
export function OutgoingSignatures({ draft }: { draft: OutgoingDraft }) {
  const { t } = useTranslation();
  const checks = useApi(OutgoingSignatureList, `${draftPath(draft.id)}/signatures?v=${draft.currentVersion}`);
  const yesNo = (value: boolean) => (value ? t('outgoing.yes') : t('outgoing.no'));
  const columns: Column<Check>[] = [
    {
      key: 'signer',
      header: t('outgoing.signatureSigner'),
      cell: (c) => `${c.signerName ?? '—'}${c.reason ? ` (${c.reason})` : ''}`,
    },
    { key: 'time', header: t('outgoing.signatureTime'), cell: (c) => c.signingTime ?? '—' },
    { key: 'integrity', header: t('outgoing.integrity'), cell: (c) => yesNo(c.integrity) },
    {
      key: 'trust',
      header: t('outgoing.trust'),
      cell: (c) => t(`outgoing.trustValues.${c.trust}`, { defaultValue: c.trust }),
    },
    {
      key: 'revocation',
      header: t('outgoing.revocation'),
      cell: (c) => t(`outgoing.revocationValues.${c.revocation}`, { defaultValue: c.revocation }),
    },
    {
      key: 'valid',
      header: t('outgoing.validity'),
      cell: (c) => <strong>{c.valid ? t('outgoing.valid') : t('outgoing.invalid')}</strong>,
    },
  ];
  return (
    <section className="panel" aria-labelledby="outgoing-signatures">
      <h2 id="outgoing-signatures">{t('outgoing.signatures')}</h2>
      <AsyncContent state={checks}>
        {(data) => (
          <DataTable
            caption={t('outgoing.signatures')}
            columns={columns}
            rows={data.signatures}
            rowKey={(c) => `${c.signingTime ?? ''}${c.reason ?? ''}`}
          />
        )}
      </AsyncContent>
    </section>
  );
}
