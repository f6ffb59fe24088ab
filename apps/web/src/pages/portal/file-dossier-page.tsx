import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ProcedureVersion, type Agency, type Dossier } from '@tinhso/contracts';
import { ApiError, fieldPath } from '../../api/client.ts';
import {
  checkForm,
  createDraft,
  discardDraft,
  getDossier,
  procedurePath,
  saveDraft,
  submitDossier,
} from '../../api/dossiers.ts';
import { AsyncContent } from '../../components/async-state.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { FormAlert } from '../../components/form-feedback.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { useAction } from '../../hooks/use-action.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { usePublicAgencies } from '../../hooks/use-public-agencies.ts';
import { useSignedInSession } from '../../session/session-context.tsx';
import { asFormSchema, issuesOutside } from '../../components/schema-form/index.ts';
import { ComponentsStep, FeesStep, FormStep, PlaceStep } from './filing-steps.tsx';
import { ReviewStep } from './filing-review.tsx';
import {
  draftBody,
  filingFromDraft,
  initialFiling,
  missingComponents,
  needsCompetentChoice,
  prefillForm,
  type FilingState,
} from './filing-state.ts';
import { newIdempotencyKey } from './portal-format.ts';
import './portal.css';

const STEPS = ['place', 'form', 'components', 'fees', 'review'] as const;
type Step = (typeof STEPS)[number];
/** The fields each step shows: the server's issues about them appear beside them, the rest on top. */
const STEP_FIELDS: Record<Step, string[]> = {
  place: [
    'receivingAgencyId',
    'competentAgencyId',
    'applicant.fullName',
    'applicant.personalId',
    'applicant.address',
    'applicant.phone',
    'applicant.email',
  ],
  form: [],
  components: [],
  fees: ['deliveryAddress'],
  review: [],
};

/** Filing online (nộp hồ sơ trực tuyến) in five steps, the draft saved after each; ?draft=<id> resumes. */
export function FileDossierPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  // Read once: the draft this page creates is added to the address too, and must not reload the page.
  const [draftId] = useState(() => params.get('draft'));
  const procedure = useApi(ProcedureVersion, procedurePath(code));
  const agencies = usePublicAgencies();
  useDocumentTitle(t('portal.file.title'));
  const [resumed, setResumed] = useState<{ dossier: Dossier } | { error: ApiError } | null>(null);
  useEffect(() => {
    if (!draftId) return;
    getDossier(draftId).then(
      (dossier) => {
        setResumed({ dossier });
      },
      (error: unknown) => {
        setResumed({
          error:
            error instanceof ApiError
              ? error
              : new ApiError({ status: 0, code: 'unexpected', message: t('errors.unexpected') }),
        });
      },
    );
  }, [draftId, t]);
  if (draftId && resumed && 'error' in resumed) {
    return (
      <div className="alert alert--error" role="alert">
        <p>{resumed.error.message}</p>
      </div>
    );
  }
  const isWaiting = draftId !== null && resumed === null;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/procedures/${encodeURIComponent(code)}`}>{t('portal.file.backToProcedure')}</Link>
      </p>
      <h1>{t('portal.file.title')}</h1>
      <AsyncContent state={procedure}>
        {(version) =>
          agencies.data && !isWaiting ? (
            <Filing
              procedure={version}
              agencies={agencies.data.items}
              draft={resumed && 'dossier' in resumed ? resumed.dossier : null}
            />
          ) : (
            <p className="loading" role="status">
              {t('states.loading')}
            </p>
          )
        }
      </AsyncContent>
    </>
  );
}

function Filing({
  procedure,
  agencies,
  draft,
}: {
  procedure: ProcedureVersion;
  agencies: readonly Agency[];
  draft: Dossier | null;
}) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const navigate = useNavigate();
  const [, setParams] = useSearchParams();
  const [state, setState] = useState<FilingState>(() =>
    draft ? filingFromDraft(draft) : initialFiling(procedure, session),
  );
  const [dossierId, setDossierId] = useState<string | null>(draft?.id ?? null);
  const [step, setStep] = useState<Step>('place');
  const [missing, setMissing] = useState<number[]>([]);
  const idempotencyKey = useRef(newIdempotencyKey());
  const headingRef = useRef<HTMLHeadingElement>(null);
  const isFirstRender = useRef(true);
  useEffect(() => {
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  const receivingKind = agencies.find((agency) => agency.id === state.receivingAgencyId)?.kind;
  const needsCompetent = needsCompetentChoice(procedure, receivingKind);
  const stepIndex = STEPS.indexOf(step);

  const save = async (next: FilingState): Promise<string> => {
    const body = draftBody(next, needsCompetent);
    if (dossierId) {
      await saveDraft(dossierId, body);
      return dossierId;
    }
    const created = await createDraft({ procedureCode: procedure.code, ...body });
    setDossierId(created.id);
    setParams({ draft: created.id }, { replace: true });
    return created.id;
  };

  const advance = useAction(async (): Promise<Step | 'filed'> => {
    if (step === 'form') await checkForm(procedure.code, state.formData);
    if (step === 'components') {
      const gaps = missingComponents(procedure, state.files);
      setMissing(gaps);
      if (gaps.length > 0) {
        throw new ApiError({
          status: 400,
          code: 'validation',
          message: t('portal.file.componentsMissing', { count: gaps.length }),
        });
      }
    }
    const id = await save(state);
    if (step !== 'review') return STEPS[stepIndex + 1] ?? 'review';
    const filed = await submitDossier({
      id,
      idempotencyKey: idempotencyKey.current,
      csrfToken: session.csrfToken,
    });
    void navigate(`/my/dossiers/${encodeURIComponent(filed.id)}/filed`);
    return 'filed';
  });

  const goTo = (next: Step) => {
    advance.reset();
    if (next === 'form')
      setState((current) => ({ ...current, formData: prefillForm(asFormSchema(procedure.form), current) }));
    setStep(next);
  };

  return (
    <>
      <ol className="stepper" aria-label={t('portal.file.stepsLabel')}>
        {STEPS.map((name, index) => (
          <li
            key={name}
            className={index < stepIndex ? 'is-done' : undefined}
            aria-current={name === step ? 'step' : undefined}
          >
            <span className="stepper__label">{t(`portal.file.step.${name}`)}</span>
          </li>
        ))}
      </ol>
      <form
        noValidate
        className="form portal-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (advance.isPending) return;
          void advance.run().then((outcome) => {
            if (outcome.ok && outcome.value !== 'filed') goTo(outcome.value);
          });
        }}
      >
        <h2 ref={headingRef} tabIndex={-1}>
          {t('portal.file.stepHeading', {
            index: stepIndex + 1,
            total: STEPS.length,
            name: t(`portal.file.step.${step}`),
          })}
        </h2>
        <FormAlert
          error={advance.error}
          fields={step === 'form' ? formFieldNames(procedure, advance.error) : STEP_FIELDS[step]}
        />
        {step === 'place' ? (
          <PlaceStep
            procedure={procedure}
            state={state}
            onChange={setState}
            error={advance.error}
            agencies={agencies}
            needsCompetent={needsCompetent}
          />
        ) : null}
        {step === 'form' ? (
          <FormStep procedure={procedure} state={state} onChange={setState} error={advance.error} />
        ) : null}
        {step === 'components' ? (
          <ComponentsStep
            procedure={procedure}
            state={state}
            onChange={(next) => {
              setState(next);
              setMissing((gaps) =>
                gaps.filter((index) => !next.files.some((file) => file.componentIndex === index)),
              );
            }}
            error={advance.error}
            csrfToken={session.csrfToken}
            missing={missing}
          />
        ) : null}
        {step === 'fees' ? (
          <FeesStep procedure={procedure} state={state} onChange={setState} error={advance.error} />
        ) : null}
        {step === 'review' ? <ReviewStep procedure={procedure} state={state} agencies={agencies} /> : null}
        <p className="actions">
          {stepIndex > 0 ? (
            <button
              type="button"
              className="button"
              onClick={() => {
                goTo(STEPS[stepIndex - 1] ?? 'place');
              }}
            >
              {t('portal.file.back')}
            </button>
          ) : null}
          <button type="submit" className="button button--primary" disabled={advance.isPending}>
            {advance.isPending
              ? step === 'review'
                ? t('portal.file.submitting')
                : t('actions.saving')
              : step === 'review'
                ? t('portal.file.submit')
                : t('portal.file.next')}
          </button>
        </p>
        {dossierId ? <p className="field__hint">{t('portal.file.draftSaved')}</p> : null}
      </form>
      {dossierId ? <DiscardDraft id={dossierId} /> : null}
    </>
  );
}

/** Throwing a draft away (its uploaded files go with it), confirmed first. */
function DiscardDraft({ id }: { id: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [isOpen, setOpen] = useState(false);
  const discard = useAction(discardDraft);
  return (
    <div className="actions">
      <button
        type="button"
        className="button"
        onClick={() => {
          discard.reset();
          setOpen(true);
        }}
      >
        {t('portal.file.discard')}
      </button>
      <Dialog
        isOpen={isOpen}
        title={t('portal.file.discardTitle')}
        onClose={() => {
          setOpen(false);
        }}
      >
        <FormAlert error={discard.error} />
        <p>{t('portal.file.discardText')}</p>
        <p className="actions">
          <button
            type="button"
            className="button button--primary"
            disabled={discard.isPending}
            onClick={() => {
              void discard.run(id).then((outcome) => {
                if (outcome.ok) void navigate('/my/dossiers', { replace: true });
              });
            }}
          >
            {t('portal.file.discardConfirm')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setOpen(false);
            }}
          >
            {t('actions.cancel')}
          </button>
        </p>
      </Dialog>
    </div>
  );
}

/** On the form step the issues about fields the form shows are beside them; the others stay on top. */
function formFieldNames(procedure: ProcedureVersion, error: ApiError | undefined): string[] {
  const issues = error?.issues ?? [];
  const outside = new Set(issuesOutside(issues, asFormSchema(procedure.form)));
  return issues.filter((issue) => !outside.has(issue)).map((issue) => fieldPath(issue.field));
}
