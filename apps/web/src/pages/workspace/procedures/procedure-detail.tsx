import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureVersion } from '@tinhso/contracts';
import { VersionList, publishProcedureVersion, versionsPath } from '../../../api/procedures-admin.ts';
import { AsyncContent } from '../../../components/async-state.tsx';
import { FormAlert, SuccessMessage } from '../../../components/form-feedback.tsx';
import { useAction } from '../../../hooks/use-action.ts';
import { useSignedInSession } from '../../../session/session-context.tsx';
import { useCommandKey } from './command-key.ts';
import { useApi } from '../../../hooks/use-api.ts';
import { currentLanguage } from '../../../i18n/index.ts';
import { formatDate, todayInProvince } from '../../../lib/dates.ts';
import { ProcedureForm } from './procedure-form.tsx';

type Standing = 'draft' | 'upcoming' | 'in_force' | 'ended';

/** Where a version stands today: a draft, not yet in force, in force, or replaced. */
export function standingOf(version: ProcedureVersion, today: string): Standing {
  if (version.status === 'draft') return 'draft';
  if (version.effectiveFrom > today) return 'upcoming';
  if (version.effectiveTo !== null && version.effectiveTo <= today) return 'ended';
  return 'in_force';
}

function VersionCard({ version, onPublished }: { version: ProcedureVersion; onPublished: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const session = useSignedInSession();
  const command = useCommandKey();
  const publish = useAction(() =>
    publishProcedureVersion(session, version.code, version.version, command.key),
  );
  const standing = standingOf(version, todayInProvince());
  return (
    <li className={`catalogue-version catalogue-version--${standing}`}>
      <h4>
        {t('figures.catalogue.versionN', { n: version.version })}{' '}
        <span className="catalogue-standing">{t(`figures.catalogue.standing.${standing}`)}</span>
      </h4>
      <p>
        {version.effectiveTo === null
          ? t('figures.catalogue.effectiveFromOnly', { from: formatDate(version.effectiveFrom, language) })
          : t('figures.catalogue.effectiveRange', {
              from: formatDate(version.effectiveFrom, language),
              to: formatDate(version.effectiveTo, language),
            })}
      </p>
      <p>
        {t('figures.catalogue.versionSummary', {
          name: version.name,
          deadline: version.deadline.value,
          unit: t(`figures.catalogue.deadlineUnits.${version.deadline.unit}`),
          components: version.components.length,
          steps: version.steps.length,
        })}
      </p>
      {version.status === 'draft' ? (
        <>
          <FormAlert error={publish.error} />
          <button
            type="button"
            className="button button--primary"
            disabled={publish.isPending}
            onClick={() => {
              void publish.run().then((outcome) => {
                if (!outcome.ok) return;
                command.renew();
                onPublished();
              });
            }}
          >
            {t('figures.catalogue.publish', { n: version.version })}
          </button>
        </>
      ) : null}
    </li>
  );
}

/** One procedure: its versions, newest first, each with its dates; drafts can be published. */
export function ProcedureDetail({ code, onBack }: { code: string; onBack: () => void }) {
  const { t } = useTranslation();
  const versions = useApi(VersionList, versionsPath(code));
  const [isAdding, setAdding] = useState(false);
  const [notice, setNotice] = useState('');
  return (
    <section aria-labelledby="catalogue-detail-title">
      <p>
        <button type="button" className="button" onClick={onBack}>
          {t('figures.catalogue.backToList')}
        </button>
      </p>
      <AsyncContent state={versions}>
        {(data) => {
          const newest = [...data.items].sort((a, b) => b.version - a.version);
          const latest = newest[0];
          return (
            <>
              <h2 id="catalogue-detail-title">
                {code}
                {latest ? ` — ${latest.name}` : ''}
              </h2>
              {notice ? <SuccessMessage>{notice}</SuccessMessage> : null}
              <h3>{t('figures.catalogue.versions')}</h3>
              <ul className="catalogue-versions">
                {newest.map((version) => (
                  <VersionCard
                    key={version.id}
                    version={version}
                    onPublished={() => {
                      setNotice(t('figures.catalogue.published', { n: version.version }));
                      versions.reload();
                    }}
                  />
                ))}
              </ul>
              {latest && !isAdding ? (
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    setNotice('');
                    setAdding(true);
                  }}
                >
                  {t('figures.catalogue.addVersion')}
                </button>
              ) : null}
              {latest && isAdding ? (
                <ProcedureForm
                  mode={{ kind: 'version', latest }}
                  onCancel={() => {
                    setAdding(false);
                  }}
                  onSaved={(saved) => {
                    setAdding(false);
                    setNotice(t('figures.catalogue.savedVersion', { n: saved.version }));
                    versions.reload();
                  }}
                />
              ) : null}
            </>
          );
        }}
      </AsyncContent>
    </section>
  );
}
