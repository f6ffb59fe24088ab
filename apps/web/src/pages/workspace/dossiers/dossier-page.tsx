import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Dossier, ProcedureVersion, type Dossier as DossierValue } from '@tinhso/contracts';
import { isOfficerAction, type OfficerAction } from '../../../api/back-office.ts';
import { AsyncContent } from '../../../components/async-state.tsx';
import { SuccessMessage } from '../../../components/form-feedback.tsx';
import { useApi } from '../../../hooks/use-api.ts';
import { useDocumentTitle } from '../../../hooks/use-document-title.ts';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatDateTime } from '../../../lib/dates.ts';
import { hasPermission, useSignedInSession } from '../../../session/session-context.tsx';
import { ActionDialog } from './action-dialog.tsx';
import { CounterPaymentPanel } from './counter-payment.tsx';
import { DaysLeft, DueCell, StatusBadge } from './dossier-labels.tsx';
import {
  ConsultationsSection,
  ControlSlip,
  FilesSection,
  FormDataView,
  FormsSection,
  SupplementsSection,
  Timeline,
} from './dossier-sections.tsx';

export function DossierPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const dossier = useApi(Dossier, `/api/dossiers/${encodeURIComponent(id)}`);
  const [latest, setLatest] = useState<DossierValue>();
  const shown =
    latest?.id === id && dossier.data && latest.updatedAt >= dossier.data.updatedAt ? latest : dossier.data;
  useDocumentTitle(shown?.code ? t('dossiers.detail.title', { code: shown.code }) : t('dossiers.title'));
  return (
    <>
      <p>
        <Link to="/workspace/dossiers">{t('dossiers.detail.back')}</Link>
      </p>
      <AsyncContent state={{ ...dossier, data: shown }}>
        {(value) => (
          <DossierView
            dossier={value}
            onChanged={(next) => {
              if (next) setLatest(next);
              dossier.reload();
            }}
          />
        )}
      </AsyncContent>
    </>
  );
}

function DossierView({
  dossier,
  onChanged,
}: {
  dossier: DossierValue;
  onChanged: (next?: DossierValue) => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const session = useSignedInSession();
  const procedure = useApi(ProcedureVersion, `/api/procedures/${encodeURIComponent(dossier.procedureCode)}`);
  const components = (procedure.data?.components ?? []).map((component) => component.name);
  const [open, setOpen] = useState<OfficerAction | null>(null);
  const [done, setDone] = useState<OfficerAction | null>(null);
  const actions = dossier.allowedActions.filter(isOfficerAction);
  const step = dossier.currentStep;
  return (
    <>
      <h1>{t('dossiers.detail.title', { code: dossier.code ?? t('dossiers.noCode') })}</h1>
      <div className="bo-dossier-header">
        <StatusBadge status={dossier.status} />
        {dossier.dueAt ? (
          <span>
            {t('dossiers.detail.dueAt')}: <DueCell dueAt={dossier.dueAt} urgency={dossier.urgency} />{' '}
            <DaysLeft dueAt={dossier.dueAt} />
          </span>
        ) : null}
      </div>
      <section className="panel bo-action-panel" aria-labelledby="dossier-actions">
        <h2 id="dossier-actions">{t('dossiers.detail.actions')}</h2>
        {done ? (
          <SuccessMessage>
            {t('dossiers.detail.done', { action: t(`dossiers.action.button.${done}`) })}
          </SuccessMessage>
        ) : null}
        {actions.length === 0 ? (
          <p>{t('dossiers.detail.noActions')}</p>
        ) : (
          <div className="actions">
            {actions.map((action) => (
              <button
                key={action}
                type="button"
                className="button button--primary"
                onClick={() => {
                  setDone(null);
                  setOpen(action);
                }}
              >
                {t(`dossiers.action.button.${action}`)}
              </button>
            ))}
          </div>
        )}
        <ActionDialog
          action={open}
          target={{ ...dossier, components }}
          sender={session}
          onClose={() => {
            setOpen(null);
          }}
          onDone={(next) => {
            setDone(open);
            setOpen(null);
            onChanged(next);
          }}
        />
      </section>
      <CounterPaymentPanel
        dossier={dossier}
        sender={session}
        canReceive={hasPermission(session, 'dossier.receive')}
        onPaid={() => {
          onChanged();
        }}
      />
      <section className="panel" aria-labelledby="dossier-overview">
        <h2 id="dossier-overview">{t('dossiers.detail.overview')}</h2>
        <dl className="details">
          <dt>{t('dossiers.detail.procedure')}</dt>
          <dd>
            {dossier.procedureCode} {dossier.procedureName}
          </dd>
          <dt>{t('dossiers.detail.channel')}</dt>
          <dd>{t(`dossiers.channel.${dossier.channel}`)}</dd>
          <dt>{t('dossiers.detail.receivingAgency')}</dt>
          <dd>{dossier.receivingAgency.name}</dd>
          <dt>{t('dossiers.detail.competentAgency')}</dt>
          <dd>{dossier.competentAgency.name}</dd>
          <dt>{t('dossiers.detail.currentAgency')}</dt>
          <dd>{dossier.currentAgency.name}</dd>
          {step ? (
            <>
              <dt>{t('dossiers.detail.currentStep')}</dt>
              <dd>
                {t('dossiers.detail.stepDetail', {
                  name: step.name,
                  role: t(`dossiers.stepRole.${step.role}`),
                  unit: step.unit,
                  due: formatDateTime(step.dueAt, language),
                })}
              </dd>
            </>
          ) : null}
          {dossier.assignee ? (
            <>
              <dt>{t('dossiers.detail.assignee')}</dt>
              <dd>{dossier.assignee.name}</dd>
            </>
          ) : null}
          {dossier.submittedAt ? (
            <>
              <dt>{t('dossiers.detail.submittedAt')}</dt>
              <dd>{formatDateTime(dossier.submittedAt, language)}</dd>
            </>
          ) : null}
          {dossier.receivedAt ? (
            <>
              <dt>{t('dossiers.detail.receivedAt')}</dt>
              <dd>{formatDateTime(dossier.receivedAt, language)}</dd>
            </>
          ) : null}
          {dossier.channel !== 'online' && dossier.receivedAt ? (
            <>
              <dt>{t('dossiers.detail.paperHandedOverAt')}</dt>
              <dd>
                {dossier.paperHandedOverAt
                  ? formatDateTime(dossier.paperHandedOverAt, language)
                  : t('dossiers.detail.paperNotHandedOver')}
              </dd>
            </>
          ) : null}
          {dossier.rescheduled && dossier.originalDueAt ? (
            <>
              <dt>{t('dossiers.detail.originalDueAt')}</dt>
              <dd>{formatDateTime(dossier.originalDueAt, language)}</dd>
            </>
          ) : null}
          <dt>{t('dossiers.detail.fee')}</dt>
          <dd>{t('dossiers.detail.feeAmount', { amount: dossier.feeAmount.toLocaleString('vi-VN') })}</dd>
          <dt>{t('dossiers.detail.delivery')}</dt>
          <dd>
            {t(`dossiers.delivery.${dossier.deliveryMethod}`)}
            {dossier.deliveryAddress ? `: ${dossier.deliveryAddress}` : ''}
          </dd>
          {dossier.outcome ? (
            <>
              <dt>{t('dossiers.detail.outcome')}</dt>
              <dd>{t(`dossiers.detail.outcomeLabel.${dossier.outcome}`)}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <section className="panel" aria-labelledby="dossier-applicant">
        <h2 id="dossier-applicant">{t('dossiers.detail.applicant')}</h2>
        <dl className="details">
          <dt>{t('dossiers.detail.fullName')}</dt>
          <dd>{dossier.applicant.fullName}</dd>
          <dt>{t('dossiers.detail.personalId')}</dt>
          <dd>{dossier.applicant.personalId ?? ''}</dd>
          <dt>{t('dossiers.detail.address')}</dt>
          <dd>{dossier.applicant.address}</dd>
          <dt>{t('dossiers.detail.phone')}</dt>
          <dd>{dossier.applicant.phone ?? ''}</dd>
          <dt>{t('dossiers.detail.email')}</dt>
          <dd>{dossier.applicant.email ?? ''}</dd>
        </dl>
        <h3>{t('dossiers.detail.formData')}</h3>
        {Object.keys(dossier.formData).length === 0 ? (
          <p className="empty">{t('dossiers.detail.noFormData')}</p>
        ) : (
          <FormDataView data={dossier.formData} schema={procedure.data?.form} />
        )}
      </section>
      <FilesSection dossier={dossier} components={components} />
      <FormsSection dossier={dossier} />
      <ControlSlip dossier={dossier} />
      <Timeline dossier={dossier} />
      <SupplementsSection dossier={dossier} />
      <ConsultationsSection
        dossier={dossier}
        sender={session}
        canReply={hasPermission(session, 'dossier.process')}
        onChanged={() => {
          onChanged();
        }}
      />
    </>
  );
}
