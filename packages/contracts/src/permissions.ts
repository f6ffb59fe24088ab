/**
 * Every permission the platform knows. An endpoint declares exactly one of these (or `public` /
 * `authenticated`), and the central guard checks it: deny by default.
 */
export const PERMISSIONS = {
  'workspace.access': 'Use the officers’ workspace',
  'org.read': 'Read agencies, units and positions',
  'org.manage': 'Create and change agencies, units and positions',
  'adminUnit.manage': 'Create administrative units and record mergers',
  'official.read': 'Read officials and their appointments',
  'official.manage': 'Create officials, appoint and end appointments',
  'role.read': 'Read role templates and position types',
  'role.manage': 'Create and change role templates and position types',
  'audit.read': 'Read the audit trail',
  'procedure.manage': 'Maintain the procedure catalogue',
  'calendar.manage': 'Maintain holidays and day swaps',
  'dossier.read': 'Read the dossiers received, handled or consulted in reach',
  'dossier.receive': 'Receive dossiers at the one-stop desk, check completeness and return results',
  'dossier.process': 'Appraise dossiers, request supplements, consult and hand over steps',
  'dossier.approve': 'Approve or refuse dossiers and apologise for a late one',
  'dossier.stats': 'Read the one-stop figures and indices',
  'payment.reconcile': 'Read the fee payment reconciliation',
  'integration.manage': 'Follow and retry the exchange with national systems',
  'document.read': 'Read the registers of official documents of the agencies in reach',
  'document.register': 'Register incoming official documents (văn thư)',
  'document.issue': 'Give outgoing official documents their number and symbol (văn thư)',
  'document.instruct':
    'Write the instruction on an incoming document and assign it (lãnh đạo bút phê, phân công)',
  'document.handle': 'Handle the documents assigned to me and draft outgoing documents (chuyên viên)',
  'document.sign': 'Review, approve and sign outgoing documents (lãnh đạo ký số)',
  'signature.manage': 'Maintain the signing keys and the list of trusted certification authorities',
  'exchange.manage': 'Follow the exchange of documents between agencies: quarantine, directory, retries',
  'citizen.self': 'A citizen’s own account and records',
} as const;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_CODES = Object.keys(PERMISSIONS) as Permission[];

/** How far a role's permissions reach from the agency of the position that grants it. */
export const ROLE_SCOPES = ['agency', 'subtree', 'province'] as const;
export type RoleScope = (typeof ROLE_SCOPES)[number];

/** Navigation of the web workspace, each entry shown only to holders of its permission. */
export const NAVIGATION = [
  { path: '/workspace', labelKey: 'nav.home', permission: 'workspace.access' },
  { path: '/workspace/agencies', labelKey: 'nav.agencies', permission: 'org.read' },
  { path: '/workspace/admin-units', labelKey: 'nav.adminUnits', permission: 'org.read' },
  { path: '/workspace/officials', labelKey: 'nav.officials', permission: 'official.read' },
  { path: '/workspace/roles', labelKey: 'nav.roles', permission: 'role.read' },
  { path: '/workspace/audit', labelKey: 'nav.audit', permission: 'audit.read' },
  { path: '/workspace/calendar', labelKey: 'nav.calendar', permission: 'workspace.access' },
  { path: '/workspace/dossiers', labelKey: 'nav.dossiers', permission: 'dossier.read' },
  { path: '/workspace/notifications', labelKey: 'nav.notifications', permission: 'workspace.access' },
  { path: '/workspace/counter', labelKey: 'nav.counter', permission: 'dossier.receive' },
  { path: '/workspace/statistics', labelKey: 'nav.statistics', permission: 'dossier.stats' },
  { path: '/workspace/procedures', labelKey: 'nav.procedures', permission: 'procedure.manage' },
  { path: '/workspace/documents', labelKey: 'nav.documents', permission: 'document.read' },
  { path: '/workspace/documents/incoming', labelKey: 'nav.incoming', permission: 'document.read' },
  { path: '/workspace/documents/outgoing', labelKey: 'nav.outgoing', permission: 'document.read' },
  { path: '/workspace/documents/files', labelKey: 'nav.workFiles', permission: 'document.handle' },
  { path: '/workspace/exchange', labelKey: 'nav.exchange', permission: 'exchange.manage' },
  { path: '/workspace/signatures', labelKey: 'nav.signatures', permission: 'signature.manage' },
] as const satisfies readonly { path: string; labelKey: string; permission: Permission }[];
