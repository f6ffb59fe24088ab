import { useTranslation } from 'react-i18next';
import { AssigneeOptions, type Assignee, type IncomingHandling } from '@tinhso/contracts';
import { assignIncoming, completeIncoming, incomingStep } from '../../../api/documents-incoming.ts';
import { FormAlert } from '../../../components/form-feedback.tsx';
import { SelectField, SubmitButton, TextField } from '../../../components/form-fields.tsx';
import { useAction } from '../../../hooks/use-action.ts';
import { useApi } from '../../../hooks/use-api.ts';
import { todayInProvince } from '../../../lib/dates.ts';
import { formText, optionalText } from '../../../lib/form-data.ts';
import { NoteField } from './incoming-fields.tsx';

type Done = (next: IncomingHandling) => void;
type Options = AssigneeOptions;

/** "unit:<id>" or "account:<id>" from a select or a checkbox, as the API's assignee. */
function toAssignee(value: string): Assignee | null {
  const [kind, id] = value.split(':');
  if (!id) return null;
  return kind === 'unit' ? { orgUnitId: id } : { accountId: id };
}

function AssigneeChoices({ options }: { options: Options }) {
  const { t } = useTranslation();
  return (
    <>
      {options.units.map((unit) => (
        <option key={unit.id} value={`unit:${unit.id}`}>
          {t('incoming.unitOption', { name: unit.name })}
        </option>
      ))}
      {options.officials.map((official) => (
        <option key={official.accountId} value={`account:${official.accountId}`}>
          {t('incoming.officialOption', { name: official.name, title: official.title })}
        </option>
      ))}
    </>
  );
}

function AssigneeChecks({ name, legend, options }: { name: string; legend: string; options: Options }) {
  const { t } = useTranslation();
  return (
    <fieldset className="in-checks">
      <legend>{legend}</legend>
      {options.units.map((unit) => (
        <label key={unit.id}>
          <input type="checkbox" name={name} value={`unit:${unit.id}`} />{' '}
          {t('incoming.unitOption', { name: unit.name })}
        </label>
      ))}
      {options.officials.map((official) => (
        <label key={official.accountId}>
          <input type="checkbox" name={name} value={`account:${official.accountId}`} />{' '}
          {t('incoming.officialOption', { name: official.name, title: official.title })}
        </label>
      ))}
    </fieldset>
  );
}

function SubmitForm({
  document,
  onDone,
  options,
}: {
  document: IncomingHandling;
  onDone: Done;
  options: Options;
}) {
  const { t } = useTranslation();
  const submit = useAction((body: Record<string, string>) =>
    incomingStep(document.document.id, 'submit', body),
  );
  return (
    <form
      noValidate
      className="form"
      aria-label={t('incoming.actions.submit')}
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const note = optionalText(form, 'note');
        void submit
          .run({ leaderAccountId: formText(form, 'leaderAccountId'), ...(note ? { note } : {}) })
          .then((outcome) => {
            if (outcome.ok) onDone(outcome.value);
          });
      }}
    >
      <h3>{t('incoming.actions.submit')}</h3>
      <FormAlert error={submit.error} fields={['leaderAccountId', 'note']} />
      <SelectField name="leaderAccountId" label={t('incoming.leader')} error={submit.error} defaultValue="">
        <option value="">{t('incoming.choose')}</option>
        {options.leaders.map((leader) => (
          <option key={leader.accountId} value={leader.accountId}>
            {t('incoming.officialOption', { name: leader.name, title: leader.title })}
          </option>
        ))}
      </SelectField>
      <NoteField name="note" label={t('incoming.note')} error={submit.error} isOptional />
      <SubmitButton isPending={submit.isPending} pendingLabel={t('actions.saving')}>
        {t('incoming.actions.submit')}
      </SubmitButton>
    </form>
  );
}

function AssignForm({
  document,
  onDone,
  options,
}: {
  document: IncomingHandling;
  onDone: Done;
  options: Options;
}) {
  const { t } = useTranslation();
  const assign = useAction((body: Parameters<typeof assignIncoming>[1]) =>
    assignIncoming(document.document.id, body),
  );
  return (
    <form
      noValidate
      className="form"
      aria-label={t('incoming.actions.assign')}
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const many = (name: string) =>
          form
            .getAll(name)
            .map((value) => (typeof value === 'string' ? toAssignee(value) : null))
            .filter((value): value is Assignee => value !== null);
        const dueOn = optionalText(form, 'dueOn');
        const cooperate = many('cooperate');
        const inform = many('inform');
        void assign
          .run({
            instruction: formText(form, 'instruction'),
            lead: toAssignee(formText(form, 'lead')) ?? {},
            ...(cooperate.length ? { cooperate } : {}),
            ...(inform.length ? { inform } : {}),
            ...(dueOn ? { dueOn } : {}),
          })
          .then((outcome) => {
            if (outcome.ok) onDone(outcome.value);
          });
      }}
    >
      <h3>{t('incoming.actions.assign')}</h3>
      <FormAlert error={assign.error} fields={['instruction', 'lead', 'dueOn']} />
      <NoteField name="instruction" label={t('incoming.instruction')} error={assign.error} />
      <SelectField name="lead" label={t('incoming.leadAssignee')} error={assign.error} defaultValue="">
        <option value="">{t('incoming.choose')}</option>
        <AssigneeChoices options={options} />
      </SelectField>
      <AssigneeChecks name="cooperate" legend={t('incoming.cooperateAssignees')} options={options} />
      <AssigneeChecks name="inform" legend={t('incoming.informAssignees')} options={options} />
      <TextField
        name="dueOn"
        type="date"
        label={t('incoming.dueOnChoice')}
        hint={t('incoming.dueOnHint')}
        min={todayInProvince()}
        error={assign.error}
        isOptional
      />
      <SubmitButton isPending={assign.isPending} pendingLabel={t('actions.saving')}>
        {t('incoming.actions.assign')}
      </SubmitButton>
    </form>
  );
}

type NoteAction = 'return' | 'progress' | 'opinion' | 'read' | 'close';

function NoteForm({
  document,
  onDone,
  action,
  label,
  isOptional,
}: {
  document: IncomingHandling;
  onDone: Done;
  action: NoteAction;
  label: string;
  isOptional: boolean;
}) {
  const { t } = useTranslation();
  const step = useAction((body: Record<string, string>) => incomingStep(document.document.id, action, body));
  return (
    <form
      noValidate
      className="form"
      aria-label={t(`incoming.actions.${action}`)}
      onSubmit={(event) => {
        event.preventDefault();
        const element = event.currentTarget;
        const note = optionalText(new FormData(element), 'note');
        void step.run(note ? { note } : {}).then((outcome) => {
          if (outcome.ok) {
            element.reset();
            onDone(outcome.value);
          }
        });
      }}
    >
      <h3>{t(`incoming.actions.${action}`)}</h3>
      <FormAlert error={step.error} fields={['note']} />
      <NoteField name="note" label={label} error={step.error} isOptional={isOptional} />
      <SubmitButton isPending={step.isPending} pendingLabel={t('actions.saving')}>
        {t(`incoming.actions.${action}`)}
      </SubmitButton>
    </form>
  );
}

function ReassignForm({
  document,
  onDone,
  options,
}: {
  document: IncomingHandling;
  onDone: Done;
  options: Options;
}) {
  const { t } = useTranslation();
  const step = useAction((body: Record<string, string>) =>
    incomingStep(document.document.id, 'reassign', body),
  );
  const leadUnit = document.assignments.find((assignment) => assignment.role === 'lead')?.orgUnitId ?? null;
  const officials = options.officials.filter(
    (official) => leadUnit === null || official.orgUnitId === leadUnit,
  );
  return (
    <form
      noValidate
      className="form"
      aria-label={t('incoming.actions.reassign')}
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        void step.run({ accountId: formText(form, 'accountId') }).then((outcome) => {
          if (outcome.ok) onDone(outcome.value);
        });
      }}
    >
      <h3>{t('incoming.actions.reassign')}</h3>
      <FormAlert error={step.error} fields={['accountId']} />
      <SelectField name="accountId" label={t('incoming.official')} error={step.error} defaultValue="">
        <option value="">{t('incoming.choose')}</option>
        {officials.map((official) => (
          <option key={official.accountId} value={official.accountId}>
            {t('incoming.officialOption', { name: official.name, title: official.title })}
          </option>
        ))}
      </SelectField>
      <SubmitButton isPending={step.isPending} pendingLabel={t('actions.saving')}>
        {t('incoming.actions.reassign')}
      </SubmitButton>
    </form>
  );
}

function CompleteForm({ document, onDone }: { document: IncomingHandling; onDone: Done }) {
  const { t } = useTranslation();
  const complete = useAction((body: Parameters<typeof completeIncoming>[1]) =>
    completeIncoming(document.document.id, body),
  );
  return (
    <form
      noValidate
      className="form"
      aria-label={t('incoming.actions.complete')}
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const replyReference = optionalText(form, 'replyReference');
        void complete
          .run({ resultNote: formText(form, 'resultNote'), ...(replyReference ? { replyReference } : {}) })
          .then((outcome) => {
            if (outcome.ok) onDone(outcome.value);
          });
      }}
    >
      <h3>{t('incoming.actions.complete')}</h3>
      <FormAlert error={complete.error} fields={['resultNote', 'replyReference']} />
      <NoteField name="resultNote" label={t('incoming.resultNote')} error={complete.error} />
      <TextField
        name="replyReference"
        label={t('incoming.replyReference')}
        error={complete.error}
        isOptional
        maxLength={100}
      />
      <SubmitButton isPending={complete.isPending} pendingLabel={t('actions.saving')}>
        {t('incoming.actions.complete')}
      </SubmitButton>
    </form>
  );
}

/** The forms of the steps the caller may take now, as the server's allowedActions says. */
export function IncomingActions({ document, onDone }: { document: IncomingHandling; onDone: Done }) {
  const { t } = useTranslation();
  const allowed = new Set(document.allowedActions);
  const needsOptions = allowed.has('submit') || allowed.has('assign') || allowed.has('reassign');
  const options = useApi(
    AssigneeOptions,
    needsOptions ? `/api/documents/incoming/${document.document.id}/assignees` : null,
  );
  if (allowed.size === 0) return <p>{t('incoming.noActions')}</p>;
  const props = { document, onDone };
  return (
    <div className="in-actions">
      {allowed.has('submit') && options.data ? <SubmitForm {...props} options={options.data} /> : null}
      {allowed.has('assign') && options.data ? <AssignForm {...props} options={options.data} /> : null}
      {allowed.has('reassign') && options.data ? <ReassignForm {...props} options={options.data} /> : null}
      {allowed.has('progress') ? (
        <NoteForm {...props} action="progress" label={t('incoming.progressNote')} isOptional={false} />
      ) : null}
      {allowed.has('opinion') ? (
        <NoteForm {...props} action="opinion" label={t('incoming.opinion')} isOptional={false} />
      ) : null}
      {allowed.has('read') ? (
        <NoteForm {...props} action="read" label={t('incoming.note')} isOptional />
      ) : null}
      {allowed.has('complete') ? <CompleteForm {...props} /> : null}
      {allowed.has('close') ? (
        <NoteForm {...props} action="close" label={t('incoming.note')} isOptional />
      ) : null}
      {allowed.has('return') ? (
        <NoteForm {...props} action="return" label={t('incoming.reason')} isOptional={false} />
      ) : null}
    </div>
  );
}
