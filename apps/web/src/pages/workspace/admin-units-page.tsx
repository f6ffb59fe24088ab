import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ADMIN_UNIT_LEVELS, type AdminUnit, type AdminUnitLevel } from '@tinhso/contracts';
import { AdminUnitList } from '../../api/schemas.ts';
import { AsyncContent } from '../../components/async-state.tsx';
import { DataTable, type Column } from '../../components/data-table.tsx';
import { SelectField, TextField } from '../../components/form-fields.tsx';
import { Pager } from '../../components/pager.tsx';
import { useAdminUnitNames } from '../../hooks/use-admin-unit-names.ts';
import { useApi } from '../../hooks/use-api.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDate, todayInProvince } from '../../lib/dates.ts';
import { formText } from '../../lib/form-data.ts';
import { hasPermission, useSignedInSession } from '../../session/session-context.tsx';
import { AdminUnitMergeForm } from './admin-unit-merge-form.tsx';

const PAGE_SIZE = 50;

function isLevel(value: string): value is AdminUnitLevel {
  return (ADMIN_UNIT_LEVELS as readonly string[]).includes(value);
}

export function AdminUnitsPage() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  const [params, setParams] = useSearchParams();
  useDocumentTitle(t('adminUnits.title'));
  const asOf = params.get('asOf') ?? todayInProvince();
  const levelParam = params.get('level') ?? '';
  const level = isLevel(levelParam) ? levelParam : '';
  const q = params.get('q') ?? '';
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const units = useApi(AdminUnitList, '/api/org/admin-units', { asOf, level, q, limit: PAGE_SIZE, offset });

  return (
    <>
      <h1>{t('adminUnits.title')}</h1>
      <form
        key={params.toString()}
        role="search"
        aria-label={t('adminUnits.filters')}
        className="filters"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const next = new URLSearchParams();
          for (const name of ['asOf', 'level', 'q']) {
            const value = formText(form, name);
            if (value) next.set(name, value);
          }
          setParams(next);
        }}
      >
        <TextField
          name="asOf"
          type="date"
          label={t('adminUnits.asOf')}
          defaultValue={asOf}
          required={false}
        />
        <SelectField name="level" label={t('adminUnits.level')} defaultValue={level} required={false}>
          <option value="">{t('adminUnits.allLevels')}</option>
          {ADMIN_UNIT_LEVELS.map((value) => (
            <option key={value} value={value}>
              {t(`adminUnitLevel.${value}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          name="q"
          type="search"
          label={t('adminUnits.searchLabel')}
          defaultValue={q}
          required={false}
        />
        <button type="submit" className="button button--primary">
          {t('actions.search')}
        </button>
      </form>
      <AsyncContent state={units} isEmpty={(data) => data.items.length === 0}>
        {(data) => (
          <>
            <AdminUnitTable units={data.items} />
            <Pager
              total={data.total}
              limit={PAGE_SIZE}
              offset={offset}
              onChange={(nextOffset) => {
                const next = new URLSearchParams(params);
                next.set('offset', String(nextOffset));
                setParams(next);
              }}
            />
          </>
        )}
      </AsyncContent>
      {hasPermission(session, 'adminUnit.manage') ? (
        <AdminUnitMergeForm units={units.data?.items ?? []} asOf={asOf} onMerged={units.reload} />
      ) : null}
    </>
  );
}

function AdminUnitTable({ units }: { units: readonly AdminUnit[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const nameOf = useAdminUnitNames(units);
  const names = (ids: readonly string[]) => ids.map(nameOf).join(', ');
  const columns: Column<AdminUnit>[] = [
    { key: 'code', header: t('adminUnits.code'), cell: (unit) => <span className="code">{unit.code}</span> },
    { key: 'name', header: t('adminUnits.name'), cell: (unit) => unit.name },
    { key: 'level', header: t('adminUnits.level'), cell: (unit) => t(`adminUnitLevel.${unit.level}`) },
    {
      key: 'effective',
      header: t('adminUnits.effective'),
      cell: (unit) =>
        unit.effectiveTo
          ? t('adminUnits.between', {
              from: formatDate(unit.effectiveFrom, language),
              to: formatDate(unit.effectiveTo, language),
            })
          : t('adminUnits.since', { from: formatDate(unit.effectiveFrom, language) }),
    },
    { key: 'from', header: t('adminUnits.predecessors'), cell: (unit) => names(unit.predecessorIds) },
    { key: 'to', header: t('adminUnits.successors'), cell: (unit) => names(unit.successorIds) },
  ];
  return (
    <DataTable caption={t('adminUnits.title')} columns={columns} rows={units} rowKey={(unit) => unit.id} />
  );
}
