import { useDeferredValue, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Agency, AgencyKind } from '@tinhso/contracts';
import { AsyncContent } from '../../components/async-state.tsx';
import { SuccessMessage } from '../../components/form-feedback.tsx';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { usePublicAgencies } from '../../hooks/use-public-agencies.ts';
import { hasFlag } from '../../lib/navigation-state.ts';
import { matchesQuery } from '../../lib/text.ts';
import { useSession } from '../../session/session-context.tsx';

/** The order in which a citizen looks for an agency: the province, its departments, the centre, the communes. */
const KIND_ORDER: readonly AgencyKind[] = ['ubnd_tinh', 'so', 'trung_tam_phvhcc', 'ubnd_xa', 'khac'];

export function HomePage() {
  const { t } = useTranslation();
  const { state } = useSession();
  const location = useLocation();
  useDocumentTitle(t('home.title'));
  return (
    <>
      {hasFlag(location.state, 'signedOut') && state.status === 'anonymous' ? (
        <SuccessMessage>{t('signIn.signedOut')}</SuccessMessage>
      ) : null}
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
        <ul className="audiences">
          <li>
            <h2>{t('home.forCitizens')}</h2>
            <p>{t('home.forCitizensBody')}</p>
          </li>
          <li>
            <h2>{t('home.forOfficials')}</h2>
            <p>{t('home.forOfficialsBody')}</p>
          </li>
          <li>
            <h2>{t('home.forLeaders')}</h2>
            <p>{t('home.forLeadersBody')}</p>
          </li>
        </ul>
      </section>
      <section className="panel" aria-labelledby="home-services">
        <h2 id="home-services">{t('portal.home.title')}</h2>
        <p>{t('portal.home.lead')}</p>
        <p className="actions">
          <Link className="button button--primary" to="/procedures">
            {t('portal.home.search')}
          </Link>
          <Link className="button" to="/track">
            {t('portal.home.track')}
          </Link>
          {state.status === 'signed_in' && state.session.kind === 'citizen' ? (
            <Link className="button" to="/my/dossiers">
              {t('portal.home.mine')}
            </Link>
          ) : null}
        </p>
      </section>
      {state.status === 'anonymous' ? (
        <section className="panel" aria-labelledby="home-account">
          <h2 id="home-account">{t('home.accountTitle')}</h2>
          <p>{t('home.accountBody')}</p>
          <p className="actions">
            <Link className="button button--primary" to="/sign-in">
              {t('actions.signIn')}
            </Link>
            <Link className="button" to="/register">
              {t('actions.register')}
            </Link>
          </p>
        </section>
      ) : null}
      <AgencyDirectory />
    </>
  );
}

function AgencyDirectory() {
  const { t } = useTranslation();
  const agencies = usePublicAgencies();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const inputId = useId();
  return (
    <section className="panel" aria-labelledby="directory-title">
      <h2 id="directory-title">{t('home.directoryTitle')}</h2>
      <div className="field">
        <label htmlFor={inputId}>{t('home.searchLabel')}</label>
        <p className="field__hint" id={`${inputId}-hint`}>
          {t('home.searchHint')}
        </p>
        <input
          id={inputId}
          type="search"
          value={query}
          aria-describedby={`${inputId}-hint`}
          onChange={(event) => {
            setQuery(event.target.value);
          }}
        />
      </div>
      <AsyncContent state={agencies}>
        {(data) => <DirectoryGroups agencies={data.items} query={deferredQuery} />}
      </AsyncContent>
    </section>
  );
}

function DirectoryGroups({ agencies, query }: { agencies: readonly Agency[]; query: string }) {
  const { t } = useTranslation();
  const matching = agencies.filter((agency) =>
    matchesQuery(`${agency.name} ${agency.shortName ?? ''} ${agency.code}`, query),
  );
  const groups = KIND_ORDER.map((kind) => ({
    kind,
    items: matching
      .filter((agency) => agency.kind === kind)
      .sort((a, b) => a.name.localeCompare(b.name, 'vi')),
  })).filter((group) => group.items.length > 0);
  return (
    <>
      <p role="status" className="result-count">
        {matching.length === 0
          ? t('home.noMatch', { query })
          : t('home.resultCount', { count: matching.length })}
      </p>
      {groups.map((group) => (
        <section key={group.kind} className="directory-group" aria-labelledby={`kind-${group.kind}`}>
          <h3 id={`kind-${group.kind}`}>{t(`agencyKindGroup.${group.kind}`)}</h3>
          <ul className="directory-list">
            {group.items.map((agency) => (
              <li key={agency.id}>
                <span className="directory-list__name">{agency.name}</span>
                <span className="directory-list__code">
                  <span className="visually-hidden">{t('home.code')}: </span>
                  {agency.code}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
