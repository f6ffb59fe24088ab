import type { Dictionary } from '../dictionary.ts';
import type { vi } from '../vi/index.ts';
import { common } from './common.ts';
import { publicPages } from './public.ts';
import { accountPages } from './account.ts';
import { orgPages } from './org.ts';
import { auditPages } from './audit.ts';
import { calendarPages } from './calendar.ts';
import { portalPages } from './portal.ts';
import { dossierPages } from './dossiers.ts';
import { figuresPages } from './figures.ts';
import { alertPages } from './alerts.ts';
import { workFilePages } from './work-files.ts';
import { signaturePages } from './signatures.ts';
import { outgoingPages } from './documents-outgoing.ts';
import { incomingPages } from './documents-incoming.ts';
import { exchangePages } from './exchange.ts';
import { recallPages } from './documents-recall.ts';
import { remoteSigningPages } from './remote-signing.ts';
import { authorisationPages } from './authorisations.ts';

export const en: Dictionary<typeof vi> = {
  ...common,
  ...publicPages,
  ...accountPages,
  ...orgPages,
  ...auditPages,
  ...calendarPages,
  ...portalPages,
  ...dossierPages,
  ...figuresPages,
  ...alertPages,
  ...workFilePages,
  ...signaturePages,
  ...outgoingPages,
  ...incomingPages,
  ...exchangePages,
  ...recallPages,
  ...remoteSigningPages,
  ...authorisationPages,
};
