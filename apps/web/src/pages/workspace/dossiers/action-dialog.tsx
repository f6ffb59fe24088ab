import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dossier, DossierSummary } from '@tinhso/contracts';
import { newIdempotencyKey, takeAction, type OfficerAction, type Sender } from '../../../api/back-office.ts';
import { Dialog } from '../../../components/dialog.tsx';
import { FormAlert } from '../../../components/form-feedback.tsx';
import { SelectField, SubmitButton, TextField } from '../../../components/form-fields.tsx';
import { useAction } from '../../../hooks/use-action.ts';
import { usePublicAgencies } from '../../../hooks/use-public-agencies.ts';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatDate, todayInProvince } from '../../../lib/dates.ts';
import { formText, optionalText } from '../../../lib/form-data.ts';
import {
  ReasonsField,
  SupplementItemsField,
  TextAreaField,
  UploadField,
  type SupplementDraft,
} from './dossier-fields.tsx';
import { AssigneeSelect } from './assignee-select.tsx';
import { DueDayCheck } from './due-day-check.tsx';

/** What a dialog needs of the dossier: the list's summary is enough, the detail adds the components. */
export type ActionTarget = Pick<DossierSummary, 'id' | 'code' | 'dueAt' | 'receivingAgency'> & {
  deliveryMethod?: Dossier['deliveryMethod'];
  components?: readonly string[];
};

interface FormState {
  items: SupplementDraft[];
  reasons: string[];
  fileId: string | null;
  newDueDate: string;
}

const FIELDS = [
  'note',
  'reason',
  'reasons',
  'items',
  'justification',
  'agencyId',
  'question',
  'dueDate',
  'newDueDate',
  'outcome',
  'resultFileId',
  'files',
  'assigneeId',
];

/** The request body of an action from the dialog's form and its lists. */
function bodyOf(action: OfficerAction, form: FormData, state: FormState): Record<string, unknown> {
  switch (action) {
    case 'receive':
    case 'return':
    case 'hand_over':
      return { note: optionalText(form, 'note') };
    case 'forward':
      return { note: optionalText(form, 'note'), assigneeId: optionalText(form, 'assigneeId') };
    case 'withdraw':
      return { reason: optionalText(form, 'reason') };
    case 'send_back':
    case 'stop':
      return { reason: formText(form, 'reason') };
    case 'request_supplement':
      return {
        items: state.items.map((item) => ({ name: item.name.trim(), reason: item.reason.trim() })),
        justification: optionalText(form, 'justification'),
      };
    case 'refuse':
      return { reasons: state.reasons.map((reason) => reason.trim()) };
    case 'consult':
      return {
        agencyId: formText(form, 'agencyId'),
        question: formText(form, 'question'),
        dueDate: formText(form, 'dueDate'),
      };
    case 'transfer':
      return { agencyId: formText(form, 'agencyId'), note: formText(form, 'note') };
    case 'apologise':
      return { reason: formText(form, 'reason'), newDueDate: formText(form, 'newDueDate') };
    case 'resolve':
      return {
        outcome: formText(form, 'outcome'),
        note: optionalText(form, 'note'),
        resultFileId: state.fileId ?? undefined,
      };
    case 'supplement':
      return {
        files: state.fileId
          ? [{ componentIndex: Number(formText(form, 'componentIndex')), fileId: state.fileId }]
          : [],
        note: optionalText(form, 'note'),
      };
  }
}

function AgencySelect({ error }: { error: ReturnType<typeof useAction>['error'] }) {
  const { t } = useTranslation();
  const agencies = usePublicAgencies();
  return (
    <SelectField name="agencyId" label={t('dossiers.action.agency')} error={error} defaultValue="">
      <option value="">{t('dossiers.action.chooseAgency')}</option>
      {(agencies.data?.items ?? []).map((agency) => (
        <option key={agency.id} value={agency.id}>
          {agency.name}
        </option>
      ))}
    </SelectField>
  );
}

/** The fields of one action; the body is read from them by bodyOf. */
function ActionFields({
  action,
  target,
  sender,
  state,
  setState,
  error,
}: {
  action: OfficerAction;
  target: ActionTarget;
  sender: Sender;
  state: FormState;
  setState: (patch: Partial<FormState>) => void;
  error: ReturnType<typeof useAction>['error'];
}): ReactNode {
  const { t } = useTranslation();
  const note = (isOptional: boolean) => (
    <TextAreaField name="note" label={t('dossiers.action.note')} isOptional={isOptional} error={error} />
  );
  const reason = (label: string, isOptional = false) => (
    <TextAreaField name="reason" label={label} isOptional={isOptional} error={error} />
  );
  switch (action) {
    case 'receive':
    case 'return':
      return note(true);
    case 'hand_over':
      return (
        <>
          <p className="field__hint">{t('dossiers.action.handOverHint')}</p>
          <TextAreaField
            name="note"
            label={t('dossiers.action.note')}
            hint={t('dossiers.action.handOverNoteHint')}
            isOptional
            error={error}
          />
        </>
      );
    case 'forward':
      return (
        <>
          <p className="field__hint">{t('dossiers.action.forwardHint')}</p>
          <AssigneeSelect dossierId={target.id} error={error} />
          {note(true)}
        </>
      );
    case 'withdraw':
      return reason(t('dossiers.action.reason'), true);
    case 'send_back':
    case 'stop':
      return reason(t('dossiers.action.reason'));
    case 'request_supplement':
      return (
        <>
          <SupplementItemsField
            items={state.items}
            onChange={(items) => {
              setState({ items });
            }}
            error={error}
          />
          <TextAreaField
            name="justification"
            label={t('dossiers.action.justification')}
            hint={t('dossiers.action.justificationHint')}
            isOptional
            error={error}
          />
        </>
      );
    case 'refuse':
      return (
        <ReasonsField
          reasons={state.reasons}
          onChange={(reasons) => {
            setState({ reasons });
          }}
          error={error}
        />
      );
    case 'consult':
      return (
        <>
          <AgencySelect error={error} />
          <TextAreaField name="question" label={t('dossiers.action.question')} error={error} />
          <TextField
            name="dueDate"
            type="date"
            label={t('dossiers.action.replyBy')}
            min={todayInProvince()}
            error={error}
          />
        </>
      );
    case 'transfer':
      return (
        <>
          <AgencySelect error={error} />
          {note(false)}
        </>
      );
    case 'apologise':
      return (
        <>
          {reason(t('dossiers.action.apologyReason'))}
          <TextField
            name="newDueDate"
            value={state.newDueDate}
            onChange={(event) => {
              setState({ newDueDate: event.target.value });
            }}
            type="date"
            label={t('dossiers.action.newDueDate')}
            hint={t('dossiers.action.newDueDateHint', {
              date: formatDate(
                target.dueAt ? todayInProvince(new Date(target.dueAt)) : '',
                currentLanguage(),
              ),
            })}
            min={todayInProvince()}
            error={error}
          />
          <DueDayCheck day={state.newDueDate} />
        </>
      );
    case 'resolve':
      return (
        <>
          <SelectField name="outcome" label={t('dossiers.action.outcome')} error={error}>
            <option value="approved">{t('dossiers.detail.outcomeLabel.approved')}</option>
            <option value="refused">{t('dossiers.detail.outcomeLabel.refused')}</option>
          </SelectField>
          {note(true)}
          <UploadField
            name="resultFileId"
            label={t('dossiers.action.resultFile')}
            hint={t('dossiers.action.resultFileHint')}
            sender={sender}
            error={error}
            onUploaded={(file) => {
              setState({ fileId: file?.id ?? null });
            }}
          />
        </>
      );
    case 'supplement':
      return (
        <>
          <SelectField name="componentIndex" label={t('dossiers.action.component')} error={error}>
            {(target.components ?? []).map((name, index) => (
              <option key={name} value={index}>
                {name}
              </option>
            ))}
          </SelectField>
          <UploadField
            name="files"
            label={t('dossiers.action.supplementFile')}
            sender={sender}
            error={error}
            onUploaded={(file) => {
              setState({ fileId: file?.id ?? null });
            }}
          />
          {note(true)}
        </>
      );
  }
}

/**
 * One action on one dossier in a modal form. The idempotency key is made when the dialog opens, so
 * a double click or a resend after a lost answer acts once; the server's issues appear beside the
 * fields and the dialog stays open until the action succeeds.
 */
export function ActionDialog({
  action,
  target,
  sender,
  onClose,
  onDone,
}: {
  action: OfficerAction | null;
  target: ActionTarget;
  sender: Sender;
  onClose: () => void;
  onDone: (dossier: Dossier) => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      isOpen={action !== null}
      title={action ? t(`dossiers.action.title.${action}`) : ''}
      onClose={onClose}
    >
      {action ? (
        <ActionForm
          key={action}
          action={action}
          target={target}
          sender={sender}
          onClose={onClose}
          onDone={onDone}
        />
      ) : null}
    </Dialog>
  );
}

function ActionForm({
  action,
  target,
  sender,
  onClose,
  onDone,
}: {
  action: OfficerAction;
  target: ActionTarget;
  sender: Sender;
  onClose: () => void;
  onDone: (dossier: Dossier) => void;
}) {
  const { t } = useTranslation();
  const [key] = useState(newIdempotencyKey);
  const [state, setFormState] = useState<FormState>({
    items: [{ name: '', reason: '' }],
    reasons: [''],
    fileId: null,
    newDueDate: '',
  });
  const send = useAction((body: Record<string, unknown>) => takeAction(sender, target.id, action, body, key));
  return (
    <form
      noValidate
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        const body = bodyOf(action, new FormData(event.currentTarget), state);
        void send.run(body).then((outcome) => {
          if (outcome.ok) onDone(outcome.value);
        });
      }}
    >
      <p>{target.code}</p>
      <FormAlert error={send.error} fields={FIELDS} />
      <ActionFields
        action={action}
        target={target}
        sender={sender}
        state={state}
        setState={(patch) => {
          setFormState((previous) => ({ ...previous, ...patch }));
        }}
        error={send.error}
      />
      <div className="actions">
        <SubmitButton isPending={send.isPending} pendingLabel={t('dossiers.action.sending')}>
          {t(`dossiers.action.button.${action}`)}
        </SubmitButton>
        <button type="button" className="button" onClick={onClose}>
          {t('dossiers.action.cancel')}
        </button>
      </div>
    </form>
  );
}
