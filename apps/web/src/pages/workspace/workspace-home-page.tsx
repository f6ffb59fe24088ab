import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NAVIGATION } from '@tinhso/contracts';
import { useDocumentTitle } from '../../hooks/use-document-title.ts';
import { hasPermission, useSignedInSession } from '../../session/session-context.tsx';

/** One sentence per workspace section; the compiler asks for a new one when NAVIGATION grows. */
const DESCRIPTIONS = {
  'nav.home': 'navDescriptions.home',
  'nav.agencies': 'navDescriptions.agencies',
  'nav.adminUnits': 'navDescriptions.adminUnits',
  'nav.officials': 'navDescriptions.officials',
  'nav.roles': 'navDescriptions.roles',
  'nav.audit': 'navDescriptions.audit',
  'nav.calendar': 'navDescriptions.calendar',
  'nav.dossiers': 'navDescriptions.dossiers',
  'nav.notifications': 'navDescriptions.notifications',
  'nav.counter': 'navDescriptions.counter',
  'nav.statistics': 'navDescriptions.statistics',
  'nav.procedures': 'navDescriptions.procedures',
  'nav.documents': 'navDescriptions.documents',
  'nav.incoming': 'navDescriptions.incoming',
  'nav.outgoing': 'navDescriptions.outgoing',
  'nav.workFiles': 'navDescriptions.workFiles',
  'nav.exchange': 'navDescriptions.exchange',
  'nav.signatures': 'navDescriptions.signatures',
} as const satisfies Record<(typeof NAVIGATION)[number]['labelKey'], string>;

export function WorkspaceHomePage() {
  const { t } = useTranslation();
  const session = useSignedInSession();
  useDocumentTitle(t('nav.home'));
  const sections = NAVIGATION.filter(
    (entry) => entry.path !== '/workspace' && hasPermission(session, entry.permission),
  );
  return (
    <>
      <h1>{t('workspace.greeting', { name: session.displayName })}</h1>
      <p className="lead">{t('workspace.lead')}</p>
      <ul className="cards">
        {sections.map((entry) => (
          <li key={entry.path} className="card">
            <h2>
              <Link to={entry.path}>{t(entry.labelKey)}</Link>
            </h2>
            <p>{t(DESCRIPTIONS[entry.labelKey])}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
