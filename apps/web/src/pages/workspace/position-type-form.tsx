import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PositionType, Role, UpdatePositionType } from '@tinhso/contracts';
import { createPositionType, updatePositionType } from '../../api/org.ts';
import { FormAlert } from '../../components/form-feedback.tsx';
import { useAction } from '../../hooks/use-action.ts';
import { formText } from '../../lib/form-data.ts';
import {
  ChoiceBox,
  ChoiceGroup,
  ConfirmDialog,
  FormButtons,
  FormHeading,
  groupFields,
  TemplateNameFields,
  useConfirmation,
} from './template-form-parts.tsx';

type TypeChanges = Required<UpdatePositionType>;
interface TypeRequest {
  code: string;
  changes: TypeChanges;
}

const FIELDS = ['code', 'nameVi', 'nameEn', 'roleCodes'];

/**
 * Creates a position type (positionType === null) or changes one. Changing the roles it grants
 * changes the permissions of everyone holding a position of this type at their next request, so
 * that is confirmed first.
 */
export function PositionTypeForm({
  positionType,
  roles,
  onSaved,
  onCancel,
}: {
  positionType: PositionType | null;
  roles: readonly Role[];
  onSaved: (positionType: PositionType) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const save = useAction(({ code, changes }: TypeRequest) =>
    positionType ? updatePositionType(positionType.code, changes) : createPositionType({ code, ...changes }),
  );
  const send = (request: TypeRequest) => {
    void save.run(request).then((outcome) => {
      if (outcome.ok) onSaved(outcome.value);
    });
  };
  const confirmation = useConfirmation(send);
  const before = positionType?.roleCodes ?? [];
  const after = confirmation.pending?.changes.roleCodes ?? before;
  const removed = before.filter((code) => !after.includes(code));
  const added = after.filter((code) => !before.includes(code));
  const roleName = (code: string) => roles.find((role) => role.code === code)?.name ?? code;

  return (
    <section className="panel" aria-labelledby={titleId}>
      <FormHeading id={titleId}>
        {positionType ? t('roles.editPositionType', { name: positionType.name }) : t('roles.newPositionType')}
      </FormHeading>
      <form
        noValidate
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const chosen = form.getAll('roleCodes');
          const changes: TypeChanges = {
            nameVi: formText(form, 'nameVi'),
            nameEn: formText(form, 'nameEn'),
            roleCodes: roles.map((role) => role.code).filter((code) => chosen.includes(code)),
          };
          const request = { code: positionType?.code ?? formText(form, 'code'), changes };
          const isChangingRoles =
            positionType !== null &&
            (before.some((code) => !changes.roleCodes.includes(code)) ||
              changes.roleCodes.some((code) => !before.includes(code)));
          if (isChangingRoles) confirmation.ask(request);
          else send(request);
        }}
      >
        <FormAlert error={save.error} fields={[...FIELDS, ...groupFields(save.error, ['roleCodes'])]} />
        <TemplateNameFields existing={positionType} error={save.error} />
        <ChoiceGroup name="roleCodes" legend={t('roles.rolesLegend')} error={save.error}>
          {roles.map((role) => (
            <li key={role.code}>
              <label>
                <ChoiceBox>
                  <input
                    type="checkbox"
                    name="roleCodes"
                    value={role.code}
                    defaultChecked={before.includes(role.code)}
                  />
                </ChoiceBox>
                <span>
                  {role.name} <span className="code">({role.code})</span>
                </span>
              </label>
            </li>
          ))}
        </ChoiceGroup>
        <FormButtons
          isPending={save.isPending}
          submitLabel={positionType ? t('actions.save') : t('roles.newPositionType')}
          onCancel={onCancel}
        />
      </form>
      <ConfirmDialog
        isOpen={confirmation.pending !== null}
        onConfirm={confirmation.confirm}
        onCancel={confirmation.cancel}
      >
        {removed.length > 0 ? (
          <>
            <p>{t('roles.removedRoles')}</p>
            <ul>
              {removed.map((code) => (
                <li key={code}>{roleName(code)}</li>
              ))}
            </ul>
          </>
        ) : null}
        {added.length > 0 ? (
          <>
            <p>{t('roles.addedRoles')}</p>
            <ul>
              {added.map((code) => (
                <li key={code}>{roleName(code)}</li>
              ))}
            </ul>
          </>
        ) : null}
        {positionType ? <p>{t('roles.holdersOfType', { name: positionType.name })}</p> : null}
      </ConfirmDialog>
    </section>
  );
}
