import { useTranslation } from 'react-i18next';
import type { PositionType } from '@tinhso/contracts';
import { RoleItems } from '../../api/schemas.ts';
import { AsyncContent } from '../../components/async-state.tsx';
import { DataTable, type Column } from '../../components/data-table.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { usePositionTypes } from '../../hooks/use-options.ts';
import { describePermission } from '../../lib/permissions.ts';

export function RolesPage() {
  const { t } = useTranslation();
  const roles = useApi(RoleItems, '/api/org/roles');
  const positionTypes = usePositionTypes();
  useDocumentTitle(t('roles.title'));
  const roleName = (code: string) => roles.data?.items.find((role) => role.code === code)?.name ?? code;

  const typeColumns: Column<PositionType>[] = [
    { key: 'name', header: t('roles.positionType'), cell: (type) => type.name },
    { key: 'code', header: t('roles.code'), cell: (type) => <span className="code">{type.code}</span> },
    { key: 'grants', header: t('roles.grants'), cell: (type) => type.roleCodes.map(roleName).join(', ') },
  ];

  return (
    <>
      <h1>{t('roles.title')}</h1>
      <section aria-labelledby="roles-templates">
        <h2 id="roles-templates">{t('roles.rolesTitle')}</h2>
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
                </li>
              ))}
            </ul>
          )}
        </AsyncContent>
      </section>
      <section aria-labelledby="roles-position-types">
        <h2 id="roles-position-types">{t('roles.positionTypesTitle')}</h2>
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
