import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { APPOINTMENT_KINDS, type Appoint, type Appointment } from '@tinhso/contracts';
import { appoint, endAppointment } from '../../api/org.ts';
import { FormAlert, SuccessMessage } from '../../components/form-feedback.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/form-fields.tsx';
import { useAction } from '../../hooks/use-action.ts';
import type { useAgencyOptions } from '../../hooks/use-options.ts';
import { todayInProvince } from '../../lib/dates.ts';
import { formText, optionalText } from '../../lib/form-data.ts';
import { usePositions } from './agency-positions.tsx';

const APPOINT_FIELDS = ['positionId', 'kind', 'startsOn', 'endsOn'];

/** Appoint to a position of any agency: primary, concurrent (kiêm nhiệm) or acting (quyền). */
export function AppointForm({
  officialId,
  agencies,
  onAppointed,
}: {
  officialId: string;
  agencies: ReturnType<typeof useAgencyOptions>;
  onAppointed: () => void;
}) {
  const { t } = useTranslation();
  const [agencyId, setAgencyId] = useState('');
  const positions = usePositions(agencyId || null);
  const action = useAction((body: Appoint) => appoint(officialId, body));
  return (
    <section className="panel" aria-labelledby="appoint-title">
      <h2 id="appoint-title">{t('official.appoint')}</h2>
      <form
        noValidate
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          const formElement = event.currentTarget;
          const form = new FormData(formElement);
          const kind = APPOINTMENT_KINDS.find((value) => value === formText(form, 'kind')) ?? 'primary';
          const body: Appoint = {
            positionId: formText(form, 'positionId'),
            kind,
            startsOn: formText(form, 'startsOn'),
            endsOn: optionalText(form, 'endsOn'),
          };
          void action.run(body).then((outcome) => {
            if (!outcome.ok) return;
            formElement.reset();
            setAgencyId('');
            onAppointed();
          });
        }}
      >
        <FormAlert error={action.error} fields={APPOINT_FIELDS} />
        {action.isDone ? <SuccessMessage>{t('official.appointed')}</SuccessMessage> : null}
        <SelectField
          name="agencyId"
          label={t('official.agency')}
          value={agencyId}
          onChange={(event) => {
            setAgencyId(event.target.value);
          }}
        >
          <option value="" disabled>
            {t('official.chooseAgency')}
          </option>
          {(agencies.data?.items ?? []).map((agency) => (
            <option key={agency.id} value={agency.id}>
              {agency.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="positionId"
          label={t('official.position')}
          error={action.error}
          defaultValue=""
          key={agencyId}
          disabled={agencyId === ''}
        >
          <option value="" disabled>
            {t('official.choosePosition')}
          </option>
          {(positions.data?.items ?? []).map((position) => (
            <option key={position.id} value={position.id}>
              {position.title}
            </option>
          ))}
        </SelectField>
        <SelectField name="kind" label={t('official.kind')} error={action.error} defaultValue="primary">
          {APPOINTMENT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`appointmentKind.${kind}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          name="startsOn"
          type="date"
          label={t('official.startsOn')}
          error={action.error}
          defaultValue={todayInProvince()}
        />
        <TextField
          name="endsOn"
          type="date"
          label={t('official.endsOnOptional')}
          hint={t('official.endsOnHint')}
          isOptional
          error={action.error}
        />
        <SubmitButton isPending={action.isPending} pendingLabel={t('actions.saving')}>
          {t('official.appoint')}
        </SubmitButton>
      </form>
    </section>
  );
}

export function EndAppointmentForm({
  appointment,
  onDone,
  onCancel,
}: {
  appointment: Appointment;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const action = useAction((endsOn: string) => endAppointment(appointment.id, endsOn));
  return (
    <form
      noValidate
      className="form form--inline"
      aria-labelledby="end-appointment-title"
      onSubmit={(event) => {
        event.preventDefault();
        const endsOn = formText(new FormData(event.currentTarget), 'endsOn');
        void action.run(endsOn).then((outcome) => {
          if (outcome.ok) onDone();
        });
      }}
    >
      <h3 id="end-appointment-title">{t('official.endLegend', { title: appointment.title })}</h3>
      <FormAlert error={action.error} fields={['endsOn']} />
      <TextField
        name="endsOn"
        type="date"
        label={t('official.endOn')}
        error={action.error}
        defaultValue={todayInProvince()}
        autoFocus
      />
      <div className="actions">
        <SubmitButton isPending={action.isPending} pendingLabel={t('actions.saving')}>
          {t('official.end')}
        </SubmitButton>
        <button type="button" className="button" onClick={onCancel}>
          {t('actions.cancel')}
        </button>
      </div>
    </form>
  );
}
