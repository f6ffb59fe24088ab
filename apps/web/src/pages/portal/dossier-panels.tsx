import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProcedureVersion, type Dossier, type RatingBody } from '@tinhso/contracts';
import { procedurePath, rateDossier, sendSupplement, withdrawDossier } from '../../api/dossiers.ts';
import { Dialog } from '../../components/dialog.tsx';
import { FormAlert } from '../../components/form-feedback.tsx';
import { SelectField } from '../../components/form-fields.tsx';
import { useAction } from '../../hooks/use-action.ts';
import { useApi } from '../../hooks/use-api.ts';
import { foldVietnamese } from '../../lib/text.ts';
import { useSignedInSession } from '../../session/session-context.tsx';
import { FileUploader, formatSize } from './file-uploader.tsx';
import type { AttachedUpload } from './filing-state.ts';

/** The component an item asked for most likely is: the one whose name shares the most words with it. */
function likelyComponent(item: string, components: readonly { name: string }[]): number {
  const words = new Set(
    foldVietnamese(item)
      .split(/\W+/u)
      .filter((w) => w.length > 2),
  );
  let best = 0;
  let bestScore = 0;
  components.forEach((component, index) => {
    const score = foldVietnamese(component.name)
      .split(/\W+/u)
      .filter((w) => words.has(w)).length;
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}

/** A supplement request (form 02): every item asked, a file or more for each, sent together. */
export function SupplementPanel({ dossier, onDone }: { dossier: Dossier; onDone: () => void }) {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const procedure = useApi(ProcedureVersion, procedurePath(dossier.procedureCode));
  const request = [...dossier.supplements].reverse().find((s) => s.completedAt === null);
  const [uploads, setUploads] = useState<Record<number, AttachedUpload[]>>({});
  const [componentOf, setComponentOf] = useState<Record<number, number>>({});
  const [note, setNote] = useState('');
  const noteId = useId();
  const send = useAction(sendSupplement);
  if (!request) return null;
  const components = procedure.data?.components ?? [];
  const indexFor = (item: number, name: string) => componentOf[item] ?? likelyComponent(name, components);
  const files = request.items.flatMap((item, index) =>
    (uploads[index] ?? []).map((file) => ({
      componentIndex: indexFor(index, item.name),
      fileId: file.fileId,
    })),
  );
  return (
    <section className="panel" aria-labelledby="d-supplement">
      <h2 id="d-supplement">{t('portal.supplement.title')}</h2>
      <p>{t('portal.supplement.lead')}</p>
      <form
        noValidate
        className="form portal-form"
        onSubmit={(event) => {
          event.preventDefault();
          void send
            .run(dossier.id, { files, ...(note.trim() ? { note: note.trim() } : {}) })
            .then((outcome) => {
              if (outcome.ok) onDone();
            });
        }}
      >
        <FormAlert error={send.error} />
        <ol className="procedure-list">
          {request.items.map((item, index) => (
            <li key={`${item.name}-${String(index)}`}>
              <h3>{item.name}</h3>
              <p>
                {t('portal.supplement.reason')}: {item.reason}
              </p>
              {components.length > 1 ? (
                <SelectField
                  name={`component-${String(index)}`}
                  label={t('portal.supplement.component')}
                  isOptional
                  value={String(indexFor(index, item.name))}
                  onChange={(event) => {
                    setComponentOf({ ...componentOf, [index]: Number(event.target.value) });
                  }}
                >
                  {components.map((component, componentIndex) => (
                    <option key={`${component.name}-${String(componentIndex)}`} value={componentIndex}>
                      {component.name}
                    </option>
                  ))}
                </SelectField>
              ) : null}
              <ul className="file-list">
                {(uploads[index] ?? []).map((file) => (
                  <li key={file.fileId}>
                    <span>
                      {file.name} ({formatSize(file.size)})
                    </span>
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => {
                        setUploads({
                          ...uploads,
                          [index]: (uploads[index] ?? []).filter((f) => f.fileId !== file.fileId),
                        });
                      }}
                    >
                      {t('portal.file.remove')}
                      <span className="visually-hidden"> {file.name}</span>
                    </button>
                  </li>
                ))}
              </ul>
              <FileUploader
                label={t('portal.supplement.fileFor', { name: item.name })}
                csrfToken={session.csrfToken}
                onUploaded={(uploaded) => {
                  setUploads((all) => ({
                    ...all,
                    [index]: [
                      ...(all[index] ?? []),
                      { componentIndex: 0, fileId: uploaded.id, name: uploaded.name, size: uploaded.size },
                    ],
                  }));
                }}
              />
            </li>
          ))}
        </ol>
        <div className="field">
          <label htmlFor={noteId}>
            {t('portal.supplement.note')} <span className="field__optional">({t('form.optional')})</span>
          </label>
          <textarea
            id={noteId}
            rows={3}
            value={note}
            onChange={(event) => {
              setNote(event.target.value);
            }}
          />
        </div>
        <button type="submit" className="button button--primary" disabled={send.isPending}>
          {send.isPending ? t('actions.saving') : t('portal.supplement.send')}
        </button>
      </form>
    </section>
  );
}

const FACES = [
  { value: 'satisfied', face: '😊' },
  { value: 'neutral', face: '😐' },
  { value: 'dissatisfied', face: '☹️' },
] as const;

/** The rating once the dossier is decided: three faces, then optional details. */
export function RatingPanel({ dossier, onDone }: { dossier: Dossier; onDone: () => void }) {
  const { t } = useTranslation();
  const [satisfaction, setSatisfaction] = useState<RatingBody['satisfaction'] | null>(null);
  const [attitude, setAttitude] = useState('');
  const [contacts, setContacts] = useState('');
  const [comment, setComment] = useState('');
  const [isMissing, setMissing] = useState(false);
  const rate = useAction(rateDossier);
  const ids = useId();
  return (
    <section className="panel" aria-labelledby="d-rating">
      <h2 id="d-rating">{t('portal.rating.title')}</h2>
      <form
        noValidate
        className="form portal-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!satisfaction) {
            setMissing(true);
            return;
          }
          void rate
            .run(dossier.id, {
              satisfaction,
              ...(attitude ? { staffAttitude: attitude as NonNullable<RatingBody['staffAttitude']> } : {}),
              ...(contacts !== '' ? { contactsToComplete: Number(contacts) } : {}),
              ...(comment.trim() ? { comment: comment.trim() } : {}),
            })
            .then((outcome) => {
              if (outcome.ok) onDone();
            });
        }}
      >
        <FormAlert error={rate.error} />
        <fieldset
          className={isMissing ? 'portal-choices field--invalid' : 'portal-choices'}
          aria-describedby={isMissing ? `${ids}-missing` : undefined}
        >
          <legend>{t('portal.rating.question')}</legend>
          {isMissing ? (
            <p className="field__error" id={`${ids}-missing`}>
              {t('portal.rating.choose')}
            </p>
          ) : null}
          <div className="faces">
            {FACES.map((face) => (
              <label key={face.value}>
                <span className="faces__face" aria-hidden="true">
                  {face.face}
                </span>
                <span>
                  <input
                    type="radio"
                    name="satisfaction"
                    value={face.value}
                    checked={satisfaction === face.value}
                    onChange={() => {
                      setSatisfaction(face.value);
                      setMissing(false);
                    }}
                  />{' '}
                  {t(`portal.rating.${face.value}`)}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <details>
          <summary>{t('portal.rating.more')}</summary>
          <SelectField
            name="staffAttitude"
            label={t('portal.rating.attitude')}
            isOptional
            value={attitude}
            onChange={(event) => {
              setAttitude(event.target.value);
            }}
          >
            <option value="">{t('portal.schemaForm.choose')}</option>
            {(['good', 'ordinary', 'bad'] as const).map((value) => (
              <option key={value} value={value}>
                {t(`portal.rating.attitudes.${value}`)}
              </option>
            ))}
          </SelectField>
          <div className="field">
            <label htmlFor={`${ids}-contacts`}>
              {t('portal.rating.contacts')} <span className="field__optional">({t('form.optional')})</span>
            </label>
            <input
              id={`${ids}-contacts`}
              type="number"
              inputMode="numeric"
              min={0}
              max={20}
              value={contacts}
              onChange={(event) => {
                setContacts(event.target.value);
              }}
            />
          </div>
          <div className="field">
            <label htmlFor={`${ids}-comment`}>
              {t('portal.rating.comment')} <span className="field__optional">({t('form.optional')})</span>
            </label>
            <textarea
              id={`${ids}-comment`}
              rows={3}
              value={comment}
              onChange={(event) => {
                setComment(event.target.value);
              }}
            />
          </div>
        </details>
        <p>
          <button type="submit" className="button button--primary" disabled={rate.isPending}>
            {rate.isPending ? t('actions.saving') : t('portal.rating.send')}
          </button>
        </p>
      </form>
    </section>
  );
}

/** Withdrawing (rút hồ sơ), confirmed in a dialog because it cannot be undone. */
export function WithdrawPanel({ dossier, onDone }: { dossier: Dossier; onDone: () => void }) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const withdraw = useAction(withdrawDossier);
  const reasonId = useId();
  return (
    <section className="panel" aria-labelledby="d-withdraw">
      <h2 id="d-withdraw">{t('portal.withdraw.title')}</h2>
      <p>{t('portal.withdraw.lead')}</p>
      <button
        type="button"
        className="button"
        onClick={() => {
          withdraw.reset();
          setOpen(true);
        }}
      >
        {t('portal.withdraw.open')}
      </button>
      <Dialog
        isOpen={isOpen}
        title={t('portal.withdraw.confirmTitle')}
        onClose={() => {
          setOpen(false);
        }}
      >
        <form
          noValidate
          method="dialog"
          onSubmit={(event) => {
            event.preventDefault();
            void withdraw.run(dossier.id, reason).then((outcome) => {
              if (outcome.ok) {
                setOpen(false);
                onDone();
              }
            });
          }}
        >
          <FormAlert error={withdraw.error} />
          <p>{t('portal.withdraw.confirmText', { code: dossier.code ?? '' })}</p>
          <div className="field">
            <label htmlFor={reasonId}>
              {t('portal.withdraw.reason')} <span className="field__optional">({t('form.optional')})</span>
            </label>
            <textarea
              id={reasonId}
              rows={3}
              value={reason}
              onChange={(event) => {
                setReason(event.target.value);
              }}
            />
          </div>
          <p className="actions">
            <button type="submit" className="button button--primary" disabled={withdraw.isPending}>
              {t('portal.withdraw.confirm')}
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
        </form>
      </Dialog>
    </section>
  );
}
