import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PROCEDURE_CODE_PATTERN } from '@tinhso/contracts';
import { PROCEDURES_PATH, ProcedureList } from '../../../api/procedures-admin.ts';
import { AsyncContent } from '../../../components/async-state.tsx';
import { DataTable } from '../../../components/data-table.tsx';
import { Pager } from '../../../components/pager.tsx';
import { TextField } from '../../../components/form-fields.tsx';
import { useApi } from '../../../hooks/use-api.ts';
import { useDocumentTitle } from '../../../hooks/use-document-title.ts';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatDate } from '../../../lib/dates.ts';
import { formText } from '../../../lib/form-data.ts';
import { ProcedureDetail } from './procedure-detail.tsx';
import { ProcedureForm } from './procedure-form.tsx';
import { ProcedureImport } from './procedure-import.tsx';
import './procedures.css';

const CODE = new RegExp(PROCEDURE_CODE_PATTERN);
const PAGE_SIZE = 50;

/** The procedures in force today, by name or code; each opens its versions. */
function ProcedureSearch({ onOpen }: { onOpen: (code: string) => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const procedures = useApi(ProcedureList, PROCEDURES_PATH, { q, limit: PAGE_SIZE, offset });
  return (
    <section aria-labelledby="catalogue-list">
      <h2 id="catalogue-list">{t('figures.catalogue.listTitle')}</h2>
      <form
        key={q}
        role="search"
        aria-label={t('figures.catalogue.search')}
        className="filters"
        onSubmit={(event) => {
          event.preventDefault();
          const text = formText(new FormData(event.currentTarget), 'q');
          // A code typed whole opens the procedure, drafts included (the list has only those in force).
          if (CODE.test(text)) onOpen(text);
          else setParams(text ? new URLSearchParams({ q: text }) : new URLSearchParams());
        }}
      >
        <TextField
          name="q"
          type="search"
          label={t('figures.catalogue.searchLabel')}
          hint={t('figures.catalogue.searchHint')}
          isOptional
          defaultValue={q}
        />
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t('figures.catalogue.searchButton')}
          </button>
        </div>
      </form>
      <AsyncContent
        state={procedures}
        isEmpty={(data) => data.items.length === 0}
        empty={t('figures.catalogue.noneFound')}
      >
        {(data) => (
          <>
            <p className="result-count">{t('figures.catalogue.count', { n: data.total })}</p>
            <Pager
              total={data.total}
              limit={PAGE_SIZE}
              offset={offset}
              onChange={(next) => {
                setParams(new URLSearchParams({ ...(q ? { q } : {}), offset: String(next) }));
              }}
            />
            <DataTable
              caption={t('figures.catalogue.listTitle')}
              rows={data.items}
              rowKey={(row) => row.code}
              columns={[
                {
                  key: 'code',
                  header: t('figures.catalogue.code'),
                  cell: (row) => (
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={t('figures.catalogue.open', { code: row.code })}
                      onClick={() => {
                        onOpen(row.code);
                      }}
                    >
                      {row.code}
                    </button>
                  ),
                },
                { key: 'name', header: t('figures.catalogue.name'), cell: (row) => row.name },
                { key: 'sector', header: t('figures.catalogue.sectorName'), cell: (row) => row.sectorName },
                {
                  key: 'version',
                  header: t('figures.catalogue.versionColumn'),
                  cell: (row) =>
                    t('figures.catalogue.versionSince', {
                      n: row.version,
                      from: formatDate(row.effectiveFrom, language),
                    }),
                },
                {
                  key: 'online',
                  header: t('figures.catalogue.onlineLevel'),
                  cell: (row) => t(`figures.catalogue.onlineLevels.${row.onlineLevel}`),
                },
              ]}
            />
          </>
        )}
      </AsyncContent>
    </section>
  );
}

/**
 * Danh mục thủ tục for its administrator. The address says what is shown: the list (?q=), one
 * procedure (?code=) or the creation form (?new=1), so that each can be bookmarked and goes back.
 */
export function ProcedureCataloguePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  useDocumentTitle(t('figures.catalogue.title'));
  const code = params.get('code');
  const isCreating = params.get('new') === '1';
  const open = (next: string) => {
    setParams(new URLSearchParams({ code: next }));
  };
  const toList = () => {
    setParams(new URLSearchParams());
  };
  return (
    <>
      <h1>{t('figures.catalogue.title')}</h1>
      <p>{t('figures.catalogue.lead')}</p>
      {code ? (
        <ProcedureDetail key={code} code={code} onBack={toList} />
      ) : isCreating ? (
        <ProcedureForm
          mode={{ kind: 'create' }}
          onCancel={toList}
          onSaved={(saved) => {
            open(saved.code);
          }}
        />
      ) : (
        <>
          <p>
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                setParams(new URLSearchParams({ new: '1' }));
              }}
            >
              {t('figures.catalogue.create')}
            </button>
          </p>
          <ProcedureSearch onOpen={open} />
          <ProcedureImport onImported={toList} />
        </>
      )}
    </>
  );
}
