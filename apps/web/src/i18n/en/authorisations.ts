import type { authorisationPages as vi } from '../vi/authorisations.ts';
import type { Dictionary } from '../dictionary.ts';

export const authorisationPages: Dictionary<typeof vi> = {
  authorisations: {
    title: 'Signing authorisations (TUQ.)',
    lead: 'The head of the agency lets an official sign "TUQ." for a period; the signature block follows the authorisation in force on the day of signing.',
    empty: 'No authorisations yet.',
    grantee: 'Authorised official',
    startsOn: 'From',
    endsOn: 'Until (exclusive)',
    endsOnHint: 'Leave empty when no end is set.',
    open: 'Not set',
    state: 'In force today',
    current: 'In force',
    notCurrent: 'Not in force',
    actions: 'Actions',
    end: 'End',
    endFor: 'End the authorisation of {{name}}',
    ended: 'The authorisation has ended.',
    grant: 'Authorise',
    granted: 'The authorisation is recorded.',
    choose: '— Choose an official —',
    note: 'What it covers',
    noteHint: 'E.g. sign certification documents while the director is away.',
  },
};
