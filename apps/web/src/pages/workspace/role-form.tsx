import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PERMISSION_CODES,
  ROLE_SCOPES,
  type PositionType,
  type Role,
  type RoleScope,
  type UpdateRole,
} from '@tinhso/contracts';
import { createRole, updateRole } from '../../api/org.ts';
import { FormAlert } from '../../components/form-feedback.tsx';
import { useAction } from '../../hooks/use-action.ts';
import { formText } from '../../lib/form-data.ts';
import { describePermission } from '../../lib/permissions.ts';
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

type RoleChanges = Required<UpdateRole>;
interface RoleRequest {
  code: string;
  changes: RoleChanges;
}

const FIELDS = ['code', 'nameVi', 'nameEn', 'scope', 'permissions'];

/** True when the scope reaches further than before: agency < subtree < province. */
function widens(from: RoleScope, to: RoleScope): boolean {
  return ROLE_SCOPES.indexOf(to) > ROLE_SCOPES.indexOf(from);
}

/**
 * Creates a role template (role === null) or changes one. A change that removes permissions or
 * widens the scope reaches everyone holding a position that grants the role at their next request,
 * so it is confirmed first, naming those position types.
 */
export function RoleForm({
  role,
  positionTypes,
  onSaved,
  onCancel,
}: {
  role: Role | null;
  positionTypes: readonly PositionType[];
  onSaved: (role: Role) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const save = useAction(({ code, changes }: RoleRequest) =>
    role ? updateRole(role.code, changes) : createRole({ code, ...changes }),
  );
  const send = (request: RoleRequest) => {
    void save.run(request).then((outcome) => {
      if (outcome.ok) onSaved(outcome.value);
    });
  };
  const confirmation = useConfirmation(send);
  const pending = confirmation.pending?.changes;
  const removed =
    role && pending
      ? role.permissions.filter((code) => !pending.permissions.some((kept) => kept === code))
      : [];
  const widened = role && pending ? widens(role.scope, pending.scope) : false;
  const holders = role ? positionTypes.filter((type) => type.roleCodes.includes(role.code)) : [];

  return (
    <section className="panel" aria-labelledby={titleId}>
      <FormHeading id={titleId}>
        {role ? t('roles.editRole', { name: role.name }) : t('roles.newRole')}
      </FormHeading>
      <form
        noValidate
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const chosen = form.getAll('permissions');
          const changes: RoleChanges = {
            nameVi: formText(form, 'nameVi'),
            nameEn: formText(form, 'nameEn'),
            scope: ROLE_SCOPES.find((scope) => scope === formText(form, 'scope')) ?? 'agency',
            permissions: PERMISSION_CODES.filter((code) => chosen.includes(code)),
          };
          const request = { code: role?.code ?? formText(form, 'code'), changes };
          const isRisky =
            role !== null &&
            (role.permissions.some((code) => !chosen.includes(code)) || widens(role.scope, changes.scope));
          if (isRisky) confirmation.ask(request);
          else send(request);
        }}
      >
        <FormAlert error={save.error} fields={[...FIELDS, ...groupFields(save.error, ['permissions'])]} />
        <TemplateNameFields existing={role} error={save.error} />
        <ChoiceGroup name="scope" legend={t('roles.scopeLegend')} error={save.error}>
          {ROLE_SCOPES.map((scope) => (
            <li key={scope}>
              {/* Named by the scope alone; the sentence describes it and is part of the click target. */}
              <label>
                <ChoiceBox>
                  <input
                    type="radio"
                    name="scope"
                    value={scope}
                    defaultChecked={(role?.scope ?? 'agency') === scope}
                    aria-labelledby={`${titleId}-${scope}`}
                    aria-describedby={`${titleId}-${scope}-help`}
                  />
                </ChoiceBox>
                <span>
                  <span id={`${titleId}-${scope}`}>{t(`roleScope.${scope}`)}</span>
                  <br />
                  <span className="field__hint" id={`${titleId}-${scope}-help`}>
                    {t(`roleScopeHelp.${scope}`)}
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ChoiceGroup>
        <ChoiceGroup name="permissions" legend={t('roles.permissionsLegend')} error={save.error}>
          {PERMISSION_CODES.map((code) => (
            <li key={code}>
              <label>
                <ChoiceBox>
                  <input
                    type="checkbox"
                    name="permissions"
                    value={code}
                    defaultChecked={role?.permissions.includes(code) ?? false}
                  />
                </ChoiceBox>
                <span>
                  {describePermission(t, code)} <span className="code">({code})</span>
                </span>
              </label>
            </li>
          ))}
        </ChoiceGroup>
        <FormButtons
          isPending={save.isPending}
          submitLabel={role ? t('actions.save') : t('roles.newRole')}
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
            <p>{t('roles.removedPermissions')}</p>
            <ul>
              {removed.map((code) => (
                <li key={code}>{describePermission(t, code)}</li>
              ))}
            </ul>
          </>
        ) : null}
        {widened && role && pending ? (
          <p>
            {t('roles.widenedScope', {
              from: t(`roleScope.${role.scope}`),
              to: t(`roleScope.${pending.scope}`),
            })}
          </p>
        ) : null}
        <p>
          {holders.length > 0
            ? t('roles.holdersOfTypes', { types: holders.map((type) => type.name).join(', ') })
            : t('roles.noHolders')}
        </p>
      </ConfirmDialog>
    </section>
  );
}
