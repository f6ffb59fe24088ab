import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { FeeSummary, ProcedureSummary } from '@tinhso/contracts';
import { ProcedureList } from '../../api/dossiers.ts';
import { AsyncContent } from '../../components/async-state.tsx';
import { Pager } from '../../components/pager.tsx';
import { useApi } from '../../hooks/use-api.ts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { i18n } from '../../i18n/index.ts';
import { deadlineText, formatVnd } from './portal-format.ts';
import './portal.css';

const PAGE_SIZE = 10;

/** Search of the procedures in force, with or without diacritics ("ly lich tu phap"). */
export function ProceduresPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('portal.procedures.title'));
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const [draft, setDraft] = useState(q);
  const inputId = useId();
  const results = useApi(ProcedureList, '/api/procedures', { q, limit: PAGE_SIZE, offset });
  return (
    <>
      <h1>{t('portal.procedures.title')}</h1>
      <p className="lead">{t('portal.procedures.lead')}</p>
      <form
        role="search"
        className="filters"
        onSubmit={(event) => {
          event.preventDefault();
          setParams(draft.trim() ? { q: draft.trim() } : {});
        }}
      >
        <div className="field">
          <label htmlFor={inputId}>{t('portal.procedures.searchLabel')}</label>
          <p className="field__hint" id={`${inputId}-hint`}>
            {t('portal.procedures.searchHint')}
          </p>
          <input
            id={inputId}
            type="search"
            value={draft}
            maxLength={100}
            aria-describedby={`${inputId}-hint`}
            onChange={(event) => {
              setDraft(event.target.value);
            }}
          />
        </div>
        <button type="submit" className="button button--primary">
          {t('actions.search')}
        </button>
      </form>
      <AsyncContent state={results}>
        {(data) => (
          <>
            <p role="status" className="result-count">
              {data.total === 0
                ? t('portal.procedures.none', { query: q })
                : t('portal.procedures.count', { count: data.total })}
            </p>
            <ul className="procedure-list">
              {data.items.map((item) => (
                <ProcedureItem key={item.code} item={item} />
              ))}
            </ul>
            <Pager
              total={data.total}
              limit={PAGE_SIZE}
              offset={offset}
              onChange={(next) => {
                setParams({ ...(q ? { q } : {}), offset: String(next) });
              }}
            />
          </>
        )}
      </AsyncContent>
    </>
  );
}

function ProcedureItem({ item }: { item: ProcedureSummary }) {
  const { t } = useTranslation();
  return (
    <li>
      <h2>
        <Link to={`/procedures/${encodeURIComponent(item.code)}`}>{item.name}</Link>
      </h2>
      <ul className="meta">
        <li>
          {t('portal.procedure.code')}: <span className="code">{item.code}</span>
        </li>
        <li>{item.levels.map((level) => t(`agencyLevel.${level}`)).join(', ')}</li>
        <li>
          {t('portal.procedure.sector')}: {item.sectorName}
        </li>
        <li>
          {t('portal.procedure.deadline')}: {deadlineText(item.deadline)}
        </li>
        <li>
          {t('portal.procedure.fee')}: {feeText(item.fee)}
        </li>
        {item.onlineLevel === 'toan_trinh' ? (
          <li>
            <span className="badge badge--online">{t('portal.onlineLevel.toan_trinh')}</span>
          </li>
        ) : null}
      </ul>
    </li>
  );
}

/** The fee as the list shows it: "Miễn phí", the amount, or "Theo trường hợp" with the range. */
function feeText(fee: FeeSummary): string {
  switch (fee.kind) {
    case 'free':
      return i18n.t('portal.fees.listFree');
    case 'fixed':
      return formatVnd(fee.minVnd);
    case 'by_case':
      return i18n.t('portal.fees.listByCase', { low: formatVnd(fee.minVnd), high: formatVnd(fee.maxVnd) });
  }
}
