// Pieces shared by the role template form and the position type form (roles page).
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldPath, issueFor } from '../../api/client.ts';
import { LIMITS } from '@tinhso/contracts';
import { Dialog } from '../../components/dialog.tsx';
import { TextField } from '../../components/form-fields.tsx';

/**
 * The fields of the server's issues about a group of choices: the group itself ("permissions") and
 * its entries ("roleCodes.2"). FormAlert leaves these out of its list: they stand beside the group.
 */
export function groupFields(error: ApiError | undefined, names: readonly string[]): string[] {
  if (!(error instanceof ApiError)) return [];
  return error.issues
    .map((issue) => fieldPath(issue.field))
    .filter((path) => names.some((name) => path === name || path.startsWith(`${name}.`)));
}

/** A group of checkboxes or radio buttons: a fieldset with its legend, hint and the server's issues. */
export function ChoiceGroup({
  name,
  legend,
  hint,
  error,
  children,
}: {
  name: string;
  legend: string;
  hint?: string;
  error: ApiError | undefined;
  children: ReactNode;
}) {
  const id = useId();
  const issues = [...new Set(groupFields(error, [name]))]
    .map((path) => issueFor(error, path))
    .filter((message): message is string => Boolean(message));
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = issues.length > 0 ? `${id}-error` : undefined;
  return (
    <fieldset
      className={errorId ? 'checkboxes field--invalid' : 'checkboxes'}
      aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {errorId ? (
        <p className="field__error" id={errorId}>
          {issues.join(' ')}
        </p>
      ) : null}
      <ul>{children}</ul>
    </fieldset>
  );
}

/**
 * Holds the checkbox or radio button of a choice. A label lays its content out as flex items, and
 * the input itself, as one, would shrink beside a long text; its wrapper keeps it full size.
 */
export function ChoiceBox({ children }: { children: ReactNode }) {
  return <span>{children}</span>;
}

/** The heading of a form that opens on request: it takes the focus, so the form is announced. */
export function FormHeading({ id, children }: { id: string; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h3 id={id} tabIndex={-1} ref={ref}>
      {children}
    </h3>
  );
}

/**
 * A change that affects people who hold positions now waits for a confirmation: `ask` keeps the
 * request and opens the dialog; saving from it sends the request, cancelling drops it.
 */
export function useConfirmation<T>(send: (request: T) => void) {
  const [pending, setPending] = useState<T | null>(null);
  return {
    pending,
    ask: (request: T) => {
      setPending(() => request);
    },
    confirm: () => {
      if (pending !== null) send(pending);
      setPending(null);
    },
    cancel: () => {
      setPending(null);
    },
  };
}

export function ConfirmDialog({
  isOpen,
  onConfirm,
  onCancel,
  children,
}: {
  isOpen: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Dialog isOpen={isOpen} title={t('roles.confirmTitle')} onClose={onCancel}>
      {children}
      <div className="actions">
        <button type="button" className="button button--primary" onClick={onConfirm}>
          {t('roles.confirmSubmit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('actions.cancel')}
        </button>
      </div>
    </Dialog>
  );
}

/** Cancel and save, side by side; both wait while the request is on its way. */
export function FormButtons({
  isPending,
  submitLabel,
  onCancel,
}: {
  isPending: boolean;
  submitLabel: string;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <button type="submit" className="button button--primary" disabled={isPending}>
        {isPending ? t('actions.saving') : submitLabel}
      </button>
      <button type="button" className="button" disabled={isPending} onClick={onCancel}>
        {t('actions.cancel')}
      </button>
    </div>
  );
}

/** The code (only when creating) and the Vietnamese and English names of a role or position type. */
export function TemplateNameFields({
  existing,
  error,
}: {
  existing: { nameVi: string; nameEn: string } | null;
  error: ApiError | undefined;
}) {
  const { t } = useTranslation();
  return (
    <>
      {existing ? null : (
        <TextField
          name="code"
          label={t('roles.templateCode')}
          hint={t('roles.templateCodeHint')}
          error={error}
          autoComplete="off"
          spellCheck={false}
          maxLength={40}
        />
      )}
      <TextField
        name="nameVi"
        lang="vi"
        label={t('roles.nameVi')}
        defaultValue={existing?.nameVi ?? ''}
        error={error}
        autoComplete="off"
        maxLength={LIMITS.nameMax}
      />
      <TextField
        name="nameEn"
        lang="en"
        label={t('roles.nameEn')}
        defaultValue={existing?.nameEn ?? ''}
        error={error}
        autoComplete="off"
        maxLength={LIMITS.nameMax}
      />
    </>
  );
}
