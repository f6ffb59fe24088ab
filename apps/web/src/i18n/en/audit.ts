import type { Dictionary } from '../dictionary.ts';
import type { auditPages as vi } from '../vi/audit.ts';

export const auditPages: Dictionary<typeof vi> = {
  audit: {
    title: 'Audit trail',
    filters: 'Filters',
    actor: 'Actor',
    actorHint: 'Account id or part of the name.',
    entityType: 'Entity type',
    entityTypeHint: 'For example: agency, official, account.',
    entityId: 'Entity id',
    from: 'From',
    to: 'To',
    timeHint: 'Vietnam time (UTC+7).',
    apply: 'Filter',
    clear: 'Clear filters',
    events: 'Events',
    seq: 'Event {{seq}}',
    time: 'Time',
    type: 'Event type',
    by: 'Actor',
    entity: 'Entity',
    data: 'Data',
    noData: 'No data attached.',
    correlation: 'Request id',
    verifyTitle: 'Integrity',
    verifyLead:
      'Each event carries the hash of the one before; changing or deleting an event breaks the chain.',
    verify: 'Verify the chain',
    verifying: 'Verifying…',
    chainOk: 'The audit chain is intact: {{checked}} events checked, no discrepancy.',
    chainBroken: 'The audit chain is broken at event {{seq}} ({{checked}} events checked).',
    chainBrokenUnknown: 'The audit chain is not intact ({{checked}} events checked).',
  },
};
