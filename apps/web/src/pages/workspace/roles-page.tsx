import { useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PositionType, Role } from '@tinhso/contracts';
import { RoleItems } from '../../api/schemas.ts';
import { AsyncContent } from '../../components/async-state.tsx';
import { DataTable, type Column } from '../../components/data-table.tsx';
import { SuccessMessage } from '../../components/form-feedback.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { usePositionTypes } from '../../hooks/use-options.ts';
import { describePermission } from '../../lib/permissions.ts';
import { hasPermission, useSignedInSession } from '../../session/session-context.tsx';
import { PositionTypeForm } from './position-type-form.tsx';
import { RoleForm } from './role-form.tsx';

/**
 * Which form of a section is open ('new', an item to edit, or none), the sentence after the last
 * save, and the button that opened the form: the focus goes back to it when the form closes.
 */
function useEditor<T>() {
  const [target, setTarget] = useState<T | 'new' | null>(null);
  const [notice, setNotice] = useState('');
  const opener = useRef<HTMLElement | null>(null);
  return {
    target,
    notice,
    open: (value: T | 'new', event: MouseEvent<HTMLElement>) => {
      opener.current = event.currentTarget;
      setNotice('');
      setTarget(() => value);
    },
    close: (message = '') => {
      opener.current?.focus();
      setTarget(null);
      setNotice(message);
    },
  };
}

/**
 * Role templates and position types. Everyone with role.read reads them; holders of role.manage
 * (the system administrator) also add and change them, each change reaching the holders of the
 * positions concerned at their next request.
 */
export function RolesPage() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const canManage = hasPermission(session, 'role.manage');
  const roles = useApi(RoleItems, '/api/org/roles');
  const positionTypes = usePositionTypes();
  useDocumentTitle(t('roles.title'));
  const reload = () => {
    roles.reload();
    positionTypes.reload();
  };
  const roleItems = roles.data?.items ?? [];
  const typeItems = positionTypes.data?.items ?? [];
  const roleEditor = useEditor<Role>();
  const typeEditor = useEditor<PositionType>();
  const roleName = (code: string) => roleItems.find((role) => role.code === code)?.name ?? code;

  const typeColumns: Column<PositionType>[] = [
    { key: 'name', header: t('roles.positionType'), cell: (type) => type.name },
    { key: 'code', header: t('roles.code'), cell: (type) => <span className="code">{type.code}</span> },
    { key: 'grants', header: t('roles.grants'), cell: (type) => type.roleCodes.map(roleName).join(', ') },
  ];
  if (canManage) {
    typeColumns.push({
      key: 'actions',
      header: t('roles.actions'),
      cell: (type) => (
        <button
          type="button"
          className="button button--small"
          aria-label={t('roles.editPositionType', { name: type.name })}
          onClick={(event) => {
            typeEditor.open(type, event);
          }}
        >
          {t('roles.edit')}
        </button>
      ),
    });
  }

  return (
    <>
      <h1>{t('roles.title')}</h1>
      {canManage ? <p className="lead">{t('roles.manageLead')}</p> : null}
      <section aria-labelledby="roles-templates">
        <h2 id="roles-templates">{t('roles.rolesTitle')}</h2>
        {canManage ? (
          <div className="actions">
            <button
              type="button"
              className="button"
              onClick={(event) => {
                roleEditor.open('new', event);
              }}
            >
              {t('roles.newRole')}
            </button>
          </div>
        ) : null}
        {roleEditor.notice ? <SuccessMessage>{roleEditor.notice}</SuccessMessage> : null}
        {canManage && roleEditor.target !== null ? (
          <RoleForm
            key={roleEditor.target === 'new' ? '' : roleEditor.target.code}
            role={roleEditor.target === 'new' ? null : roleEditor.target}
            positionTypes={typeItems}
            onSaved={(role) => {
              const key = roleEditor.target === 'new' ? 'roles.roleCreated' : 'roles.roleSaved';
              roleEditor.close(t(key, { name: role.name }));
              reload();
            }}
            onCancel={() => {
              roleEditor.close();
            }}
          />
        ) : null}
        <AsyncContent state={roles} isEmpty={(data) => data.items.length === 0}>
          {(data) => (
            <ul className="cards cards--wide">
              {data.items.map((role) => (
                <li key={role.code} className="card">
                  <h3>{role.name}</h3>
                  <dl className="details details--compact">
                    <dt>{t('roles.code')}</dt>
                    <dd className="code">{role.code}</dd>
                    <dt>{t('roles.scope')}</dt>
                    <dd>{t(`roleScope.${role.scope}`)}</dd>
                  </dl>
                  <h4>{t('roles.permissions')}</h4>
                  <ul className="permission-list">
                    {role.permissions.map((code) => (
                      <li key={code}>
                        {describePermission(t, code)} <span className="code">({code})</span>
                      </li>
                    ))}
                  </ul>
                  {canManage ? (
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={t('roles.editRole', { name: role.name })}
                      onClick={(event) => {
                        roleEditor.open(role, event);
                      }}
                    >
                      {t('roles.edit')}
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </AsyncContent>
      </section>
      <section aria-labelledby="roles-position-types">
        <h2 id="roles-position-types">{t('roles.positionTypesTitle')}</h2>
        {canManage ? (
          <div className="actions">
            <button
              type="button"
              className="button"
              onClick={(event) => {
                typeEditor.open('new', event);
              }}
            >
              {t('roles.newPositionType')}
            </button>
          </div>
        ) : null}
        {typeEditor.notice ? <SuccessMessage>{typeEditor.notice}</SuccessMessage> : null}
        {canManage && typeEditor.target !== null ? (
          <PositionTypeForm
            key={typeEditor.target === 'new' ? '' : typeEditor.target.code}
            positionType={typeEditor.target === 'new' ? null : typeEditor.target}
            roles={roleItems}
            onSaved={(type) => {
              const key =
                typeEditor.target === 'new' ? 'roles.positionTypeCreated' : 'roles.positionTypeSaved';
              typeEditor.close(t(key, { name: type.name }));
              reload();
            }}
            onCancel={() => {
              typeEditor.close();
            }}
          />
        ) : null}
        <AsyncContent state={positionTypes} isEmpty={(data) => data.items.length === 0}>
          {(data) => (
            <DataTable
              caption={t('roles.positionTypesTitle')}
              columns={typeColumns}
              rows={data.items}
              rowKey={(type) => type.code}
            />
          )}
        </AsyncContent>
      </section>
    </>
  );
}
