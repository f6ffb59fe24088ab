import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dossier } from '@tinhso/contracts';
import {
  fileUrl,
  formUrl,
  newIdempotencyKey,
  replyConsultation,
  type Sender,
} from '../../../api/back-office.ts';
import { DataTable, type Column } from '../../../components/data-table.tsx';
import { FormAlert, SuccessMessage } from '../../../components/form-feedback.tsx';
import { SubmitButton } from '../../../components/form-fields.tsx';
import { useAction } from '../../../hooks/use-action.ts';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatDate, formatDateTime } from '../../../lib/dates.ts';
import { formText } from '../../../lib/form-data.ts';
import { TextAreaField } from './dossier-fields.tsx';

type DossierEvent = Dossier['events'][number];

/** Titles of the form's fields from the procedure's JSON Schema, so the officer reads labels, not keys. */
export type FieldTitles = Record<string, unknown>;

function titleOf(schema: FieldTitles | undefined, key: string): string {
  const properties = schema?.properties;
  if (properties && typeof properties === 'object' && key in properties) {
    const property = (properties as Record<string, { title?: unknown }>)[key];
    if (typeof property?.title === 'string') return property.title;
  }
  return key;
}

function propertySchema(schema: FieldTitles | undefined, key: string): FieldTitles | undefined {
  const properties = schema?.properties;
  if (properties && typeof properties === 'object' && key in properties) {
    return (properties as Record<string, FieldTitles>)[key];
  }
  return undefined;
}

/** The filled-in form, read-only: nested objects as nested lists, with the schema's titles. */
export function FormDataView({ data, schema }: { data: Record<string, unknown>; schema?: FieldTitles }) {
  return (
    <dl className="details details--compact">
      {Object.entries(data).map(([key, value]) => (
        <div className="details__row" key={key}>
          <dt>{titleOf(schema, key)}</dt>
          <dd>
            {value !== null && typeof value === 'object' && !Array.isArray(value) ? (
              <FormDataView data={value as Record<string, unknown>} schema={propertySchema(schema, key)} />
            ) : Array.isArray(value) ? (
              value.map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item))).join('; ')
            ) : (
              String(value)
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function FilesSection({ dossier, components }: { dossier: Dossier; components: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="dossier-files">
      <h2 id="dossier-files">{t('dossiers.detail.files')}</h2>
      {dossier.files.length === 0 ? (
        <p className="empty">{t('dossiers.detail.noFiles')}</p>
      ) : (
        <ul>
          {dossier.files.map((file) => (
            <li key={file.id}>
              {file.purpose === 'result'
                ? t('dossiers.detail.fileResult')
                : file.componentIndex === null
                  ? ''
                  : (components[file.componentIndex] ??
                    t('dossiers.detail.fileComponent', { index: file.componentIndex + 1 }))}
              {': '}
              <a href={fileUrl(dossier.id, file.id)} download={file.name}>
                {file.name}
              </a>{' '}
              ({Math.ceil(file.size / 1024)} KiB)
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function SupplementsSection({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <section className="panel" aria-labelledby="dossier-supplements">
      <h2 id="dossier-supplements">{t('dossiers.detail.supplements')}</h2>
      {dossier.supplements.length === 0 ? (
        <p className="empty">{t('dossiers.detail.noSupplements')}</p>
      ) : (
        dossier.supplements.map((request) => (
          <div key={request.requestedAt} className="card">
            <h3>
              {t('dossiers.detail.supplementAsked', {
                stage: t(`dossiers.detail.supplementStage.${request.stage}`),
                at: formatDateTime(request.requestedAt, language),
              })}
            </h3>
            <ul>
              {request.items.map((item) => (
                <li key={item.name}>
                  <strong>{item.name}</strong>: {item.reason}
                </li>
              ))}
            </ul>
            {request.justification ? (
              <p>{t('dossiers.detail.justification', { text: request.justification })}</p>
            ) : null}
            <p>
              {request.completedAt
                ? t('dossiers.detail.supplementDone', { at: formatDateTime(request.completedAt, language) })
                : t('dossiers.detail.supplementOpen')}
            </p>
          </div>
        ))
      )}
    </section>
  );
}

function ReplyForm({
  sender,
  dossierId,
  consultationId,
  onReplied,
}: {
  sender: Sender;
  dossierId: string;
  consultationId: string;
  onReplied: () => void;
}) {
  const { t } = useTranslation();
  const [key] = useState(newIdempotencyKey);
  const reply = useAction((answer: string) =>
    replyConsultation(sender, { dossierId, consultationId }, answer, key),
  );
  if (reply.isDone) return <SuccessMessage>{t('dossiers.detail.replied')}</SuccessMessage>;
  return (
    <form
      noValidate
      className="form form--inline"
      onSubmit={(event) => {
        event.preventDefault();
        void reply.run(formText(new FormData(event.currentTarget), 'answer')).then((outcome) => {
          if (outcome.ok) onReplied();
        });
      }}
    >
      <FormAlert error={reply.error} fields={['answer']} />
      <TextAreaField name="answer" label={t('dossiers.detail.replyLabel')} error={reply.error} />
      <SubmitButton isPending={reply.isPending} pendingLabel={t('dossiers.action.sending')}>
        {t('dossiers.detail.replySend')}
      </SubmitButton>
    </form>
  );
}

export function ConsultationsSection({
  dossier,
  sender,
  canReply,
  onChanged,
}: {
  dossier: Dossier;
  sender: Sender;
  canReply: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <section className="panel" aria-labelledby="dossier-consultations">
      <h2 id="dossier-consultations">{t('dossiers.detail.consultations')}</h2>
      {dossier.consultations.length === 0 ? (
        <p className="empty">{t('dossiers.detail.noConsultations')}</p>
      ) : (
        dossier.consultations.map((consultation) => (
          <div key={consultation.id} className="card">
            <h3>
              {t('dossiers.detail.consultationTo', {
                agency: consultation.agency.name,
                due: formatDate(consultation.dueDate, language),
              })}
            </h3>
            <p>{consultation.question}</p>
            {consultation.answer && consultation.answeredAt ? (
              <p>
                {t('dossiers.detail.consultationAnswer', {
                  at: formatDateTime(consultation.answeredAt, language),
                  answer: consultation.answer,
                })}
              </p>
            ) : (
              <>
                <p>{t('dossiers.detail.consultationWaiting')}</p>
                {/* The server decides whether the caller works at the consulted agency; it refuses otherwise. */}
                {canReply && consultation.agency.id !== dossier.currentAgency.id ? (
                  <ReplyForm
                    sender={sender}
                    dossierId={dossier.id}
                    consultationId={consultation.id}
                    onReplied={onChanged}
                  />
                ) : null}
              </>
            )}
          </div>
        ))
      )}
    </section>
  );
}

export function FormsSection({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="dossier-forms">
      <h2 id="dossier-forms">{t('dossiers.detail.forms')}</h2>
      {dossier.forms.length === 0 ? (
        <p className="empty">{t('dossiers.detail.noForms')}</p>
      ) : (
        <ul>
          {dossier.forms.map((form) => (
            <li key={form}>
              <a href={formUrl(dossier.id, form)} target="_blank" rel="noopener">
                {t(`dossiers.detail.formName.${form}`)}{' '}
                <span className="visually-hidden">{t('dossiers.detail.newTab')}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Phiếu kiểm soát (Mẫu 06): every hand-over, by whom, when, and how it ended against its budget. */
export function ControlSlip({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  const actionLabel = useActionLabel();
  const language = currentLanguage();
  const handOvers = dossier.events.filter((event) => event.timeliness !== null);
  const columns: Column<DossierEvent & { key: string }>[] = [
    { key: 'step', header: t('dossiers.detail.slipStep'), cell: (event) => event.stepName ?? '' },
    { key: 'agency', header: t('dossiers.detail.slipAgency'), cell: (event) => event.agency ?? '' },
    { key: 'giver', header: t('dossiers.detail.slipGiver'), cell: (event) => event.actor ?? '' },
    {
      key: 'at',
      header: t('dossiers.detail.slipAt'),
      cell: (event) => `${formatDateTime(event.at, language)} (${actionLabel(event.action)})`,
    },
    {
      key: 'result',
      header: t('dossiers.detail.slipResult'),
      cell: (event) =>
        event.timeliness ? (
          <span className={`bo-urgency bo-urgency--${event.timeliness === 'late' ? 'overdue' : 'none'}`}>
            {t(`dossiers.timeliness.${event.timeliness}`)}
          </span>
        ) : null,
    },
    { key: 'note', header: t('dossiers.detail.slipNote'), cell: (event) => event.note ?? '' },
  ];
  return (
    <section className="panel" aria-labelledby="dossier-slip">
      <h2 id="dossier-slip">{t('dossiers.detail.controlSlip')}</h2>
      {handOvers.length === 0 ? (
        <p className="empty">{t('dossiers.detail.noHandOvers')}</p>
      ) : (
        <DataTable
          caption={t('dossiers.detail.controlSlip')}
          columns={columns}
          rows={handOvers.map((event, index) => ({ ...event, key: `${event.at}-${String(index)}` }))}
          rowKey={(row) => row.key}
        />
      )}
    </section>
  );
}

const KNOWN_ACTIONS = [
  'create',
  'edit',
  'submit',
  'discard',
  'receive',
  'request_supplement',
  'refuse',
  'supplement',
  'forward',
  'send_back',
  'consult',
  'consultation_reply',
  'transfer',
  'apologise',
  'resolve',
  'return',
  'stop',
  'withdraw',
  'rate',
  'hand_over',
] as const;
type KnownAction = (typeof KNOWN_ACTIONS)[number];

/** The log may name actions the web does not know yet: those show by their code. */
function useActionLabel(): (action: string) => string {
  const { t } = useTranslation();
  return (action) => {
    const known: KnownAction | undefined = KNOWN_ACTIONS.find((candidate) => candidate === action);
    return known ? t(`dossiers.detail.actionName.${known}`) : action;
  };
}

export function Timeline({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  const actionLabel = useActionLabel();
  const language = currentLanguage();
  return (
    <section className="panel" aria-labelledby="dossier-timeline">
      <h2 id="dossier-timeline">{t('dossiers.detail.timeline')}</h2>
      <ol className="bo-timeline">
        {dossier.events.map((event, index) => (
          <li key={`${event.at}-${String(index)}`}>
            <p>
              <strong>{actionLabel(event.action)}</strong>
              {' · '}
              {t('dossiers.detail.eventMove', {
                from: event.fromStatus ? t(`dossiers.statusLabel.${event.fromStatus}`) : '—',
                to: t(`dossiers.statusLabel.${event.toStatus}`),
              })}
            </p>
            <p className="bo-timeline__meta">
              {formatDateTime(event.at, language)}
              {event.actor || event.agency
                ? ` · ${[event.actor, event.agency].filter(Boolean).join(', ')}`
                : ''}
              {event.stepName ? ` · ${event.stepName}` : ''}
            </p>
            {event.note ? <p>{event.note}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
