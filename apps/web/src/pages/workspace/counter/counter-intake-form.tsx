import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProcedureVersion, type CounterIntake } from '@tinhso/contracts';
import { enterCounterDossier, newIdempotencyKey, type Sender } from '../../../api/back-office.ts';
import { AsyncContent } from '../../../components/async-state.tsx';
import { FormAlert } from '../../../components/form-feedback.tsx';
import { SelectField, SubmitButton, TextField } from '../../../components/form-fields.tsx';
import { useAction } from '../../../hooks/use-action.ts';
import { useApi } from '../../../hooks/use-api.ts';
import { usePublicAgencies } from '../../../hooks/use-public-agencies.ts';
import { formText, optionalText } from '../../../lib/form-data.ts';
import {
  ReasonsField,
  SupplementItemsField,
  TextAreaField,
  UploadField,
  type SupplementDraft,
} from '../dossiers/dossier-fields.tsx';
import { IntakeFormData } from './intake-form-data.tsx';
import {
  FeeFields,
  IntakeResult,
  ProcedurePicker,
  copiedToForm,
  formFieldsIn,
  useFocusOnMount,
} from './intake-parts.tsx';

type Procedure = ProcedureVersion;
type OutcomeKind = CounterIntake['outcome']['kind'];
const OUTCOMES: readonly OutcomeKind[] = ['receive', 'request_supplement', 'refuse'];
const FIELDS = [
  'receivingAgencyId',
  'competentAgencyId',
  'applicant.fullName',
  'applicant.personalId',
  'applicant.address',
  'applicant.phone',
  'applicant.email',
  'formData',
  'feeCase',
  'exemption',
  'deliveryMethod',
  'deliveryAddress',
  'outcome.note',
];

/** "Tiếp nhận hồ sơ giấy": a paper dossier entered at the desk with exactly one outcome. */
export function CounterIntakeForm({ sender }: { sender: Sender }) {
  const { t } = useTranslation();
  const [code, setCode] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const procedure = useApi(ProcedureVersion, code ? `/api/procedures/${encodeURIComponent(code)}` : null);
  return (
    <section className="panel bo-intake" aria-labelledby="counter-intake">
      <h2 id="counter-intake">{t('dossiers.counter.intakeTitle')}</h2>
      {code === null ? (
        <ProcedurePicker onPick={setCode} />
      ) : (
        <AsyncContent state={procedure}>
          {(version) => (
            <IntakeFields
              key={`${version.code}-${String(round)}`}
              procedure={version}
              sender={sender}
              onChangeProcedure={() => {
                setCode(null);
              }}
              onAnother={() => {
                setRound((value) => value + 1);
              }}
            />
          )}
        </AsyncContent>
      )}
    </section>
  );
}

function IntakeFields({
  procedure,
  sender,
  onChangeProcedure,
  onAnother,
}: {
  procedure: Procedure;
  sender: Sender;
  onChangeProcedure: () => void;
  onAnother: () => void;
}) {
  const { t } = useTranslation();
  const agencies = usePublicAgencies();
  const [key] = useState(newIdempotencyKey);
  const [outcome, setOutcome] = useState<OutcomeKind>('receive');
  const [items, setItems] = useState<SupplementDraft[]>([{ name: '', reason: '' }]);
  const [reasons, setReasons] = useState<string[]>(['']);
  const [paper, setPaper] = useState<boolean[]>(procedure.components.map(() => false));
  const [scans, setScans] = useState<(string | null)[]>(procedure.components.map(() => null));
  const [formData, setFormData] = useState<Record<string, unknown>>({});
  const [missingPaper, setMissingPaper] = useState(false);
  const submit = useAction((body: CounterIntake) => enterCounterDossier(sender, body, key));
  const chosen = useFocusOnMount<HTMLParagraphElement>();
  const all = agencies.data?.items ?? [];
  // The province's service centre first: most paper dossiers are entered at its desks.
  const receiving = all
    .filter((agency) => procedure.receivingAgencyKinds.includes(agency.kind))
    .sort((a, b) => Number(b.kind === 'trung_tam_phvhcc') - Number(a.kind === 'trung_tam_phvhcc'));
  const competent = all.filter((agency) => agency.kind === procedure.competentAgencyKind);

  if (submit.result) return <IntakeResult dossier={submit.result} onAnother={onAnother} />;

  return (
    <form
      noValidate
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const lacksPaper = procedure.components.some(
          (component, index) => component.required && !paper[index],
        );
        setMissingPaper(outcome === 'receive' && lacksPaper);
        if (outcome === 'receive' && lacksPaper) return;
        const feeCase = formText(form, 'feeCase');
        const exemption = formText(form, 'exemption');
        const body: CounterIntake = {
          procedureCode: procedure.code,
          channel: formText(form, 'channel') === 'post' ? 'post' : 'counter',
          receivingAgencyId: formText(form, 'receivingAgencyId'),
          competentAgencyId: procedure.competentAgencyCode
            ? undefined
            : optionalText(form, 'competentAgencyId'),
          applicant: {
            fullName: formText(form, 'applicant.fullName'),
            personalId: optionalText(form, 'applicant.personalId') ?? null,
            address: formText(form, 'applicant.address'),
            phone: optionalText(form, 'applicant.phone') ?? null,
            email: optionalText(form, 'applicant.email') ?? null,
          },
          formData,
          feeCase: feeCase === '' ? null : Number(feeCase),
          exemption: exemption === '' ? null : Number(exemption),
          deliveryMethod:
            (['counter', 'post', 'online'] as const).find((m) => m === formText(form, 'deliveryMethod')) ??
            'counter',
          deliveryAddress: optionalText(form, 'deliveryAddress') ?? null,
          files: scans.flatMap((fileId, componentIndex) => (fileId ? [{ componentIndex, fileId }] : [])),
          outcome:
            outcome === 'receive'
              ? { kind: 'receive', note: optionalText(form, 'outcome.note') }
              : outcome === 'request_supplement'
                ? {
                    kind: 'request_supplement',
                    items: items.map((i) => ({ name: i.name.trim(), reason: i.reason.trim() })),
                  }
                : { kind: 'refuse', reasons: reasons.map((reason) => reason.trim()) },
        };
        void submit.run(body);
      }}
    >
      <p tabIndex={-1} ref={chosen}>
        <strong>
          {t('dossiers.counter.procedureChosen', { code: procedure.code, name: procedure.name })}
        </strong>{' '}
        <button type="button" className="button button--small" onClick={onChangeProcedure}>
          {t('dossiers.counter.procedureChange')}
        </button>
      </p>
      <FormAlert error={submit.error} fields={[...FIELDS, ...formFieldsIn(submit.error, procedure)]} />
      <SelectField name="channel" label={t('dossiers.counter.channel')} error={submit.error}>
        <option value="counter">{t('dossiers.channel.counter')}</option>
        <option value="post">{t('dossiers.channel.post')}</option>
      </SelectField>
      <SelectField
        name="receivingAgencyId"
        label={t('dossiers.counter.receivingAgency')}
        error={submit.error}
      >
        {receiving.map((agency) => (
          <option key={agency.id} value={agency.id}>
            {agency.name}
          </option>
        ))}
      </SelectField>
      {procedure.competentAgencyCode ? null : (
        <SelectField
          name="competentAgencyId"
          label={t('dossiers.counter.competentAgency')}
          error={submit.error}
        >
          {competent.map((agency) => (
            <option key={agency.id} value={agency.id}>
              {agency.name}
            </option>
          ))}
        </SelectField>
      )}
      <fieldset
        onBlur={(event) => {
          const { name, value } = event.target as { name?: string; value?: string };
          setFormData((previous) => copiedToForm(procedure, previous, name, value));
        }}
      >
        <legend>{t('dossiers.counter.applicantLegend')}</legend>
        <p className="field__hint">{t('dossiers.counter.copyHint')}</p>
        <TextField
          name="applicant.fullName"
          label={t('dossiers.detail.fullName')}
          autoComplete="off"
          error={submit.error}
        />
        <TextField
          name="applicant.personalId"
          label={t('dossiers.detail.personalId')}
          hint={t('dossiers.counter.personalIdHint')}
          inputMode="numeric"
          maxLength={12}
          isOptional
          error={submit.error}
        />
        <TextField name="applicant.address" label={t('dossiers.detail.address')} error={submit.error} />
        <TextField
          name="applicant.phone"
          type="tel"
          label={t('dossiers.detail.phone')}
          maxLength={10}
          isOptional
          error={submit.error}
        />
        <TextField
          name="applicant.email"
          type="email"
          label={t('dossiers.detail.email')}
          isOptional
          error={submit.error}
        />
      </fieldset>
      <fieldset>
        <legend>{t('dossiers.counter.formLegend')}</legend>
        <IntakeFormData
          schema={procedure.form}
          value={formData}
          onChange={setFormData}
          error={submit.error}
        />
      </fieldset>
      <fieldset>
        <legend>{t('dossiers.counter.componentsLegend')}</legend>
        {missingPaper ? (
          <p className="field__error" role="alert">
            {t('dossiers.counter.missingPaper')}
          </p>
        ) : null}
        {procedure.components.map((component, index) => (
          <div className="bo-component-row" key={component.name}>
            <label className="bo-choice">
              <input
                type="checkbox"
                checked={paper[index] ?? false}
                onChange={(event) => {
                  setPaper((previous) =>
                    previous.map((value, at) => (at === index ? event.target.checked : value)),
                  );
                }}
              />
              <span>
                {t('dossiers.counter.paperReceived', { name: component.name })} (
                {t(`dossiers.counter.componentKind.${component.kind}`)}, {component.count},{' '}
                {component.required
                  ? t('dossiers.counter.componentRequired')
                  : t('dossiers.counter.componentOptional')}
                )
              </span>
            </label>
            <UploadField
              name={`files.${String(index)}`}
              label={t('dossiers.counter.scan', { name: component.name })}
              sender={sender}
              error={submit.error}
              onUploaded={(file) => {
                setScans((previous) =>
                  previous.map((value, at) => (at === index ? (file?.id ?? null) : value)),
                );
              }}
            />
          </div>
        ))}
      </fieldset>
      <FeeFields procedure={procedure} error={submit.error} />
      <SelectField name="deliveryMethod" label={t('dossiers.counter.deliveryMethod')} error={submit.error}>
        {(['counter', 'post', 'online'] as const).map((method) => (
          <option key={method} value={method}>
            {t(`dossiers.delivery.${method}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        name="deliveryAddress"
        label={t('dossiers.counter.deliveryAddress')}
        isOptional
        error={submit.error}
      />
      <fieldset>
        <legend>{t('dossiers.counter.outcomeLegend')}</legend>
        {OUTCOMES.map((kind) => (
          <label className="bo-choice" key={kind}>
            <input
              type="radio"
              name="outcome"
              value={kind}
              checked={outcome === kind}
              onChange={() => {
                setOutcome(kind);
              }}
            />
            <span>{t(`dossiers.counter.outcome.${kind}`)}</span>
          </label>
        ))}
        {outcome === 'receive' ? (
          <TextAreaField
            name="outcome.note"
            label={t('dossiers.counter.receiveNote')}
            isOptional
            error={submit.error}
          />
        ) : outcome === 'request_supplement' ? (
          <SupplementItemsField
            items={items}
            onChange={setItems}
            error={submit.error}
            prefix="outcome.items"
          />
        ) : (
          <ReasonsField
            reasons={reasons}
            onChange={setReasons}
            error={submit.error}
            prefix="outcome.reasons"
          />
        )}
      </fieldset>
      <SubmitButton isPending={submit.isPending} pendingLabel={t('dossiers.action.sending')}>
        {t('dossiers.counter.submit')}
      </SubmitButton>
    </form>
  );
}
