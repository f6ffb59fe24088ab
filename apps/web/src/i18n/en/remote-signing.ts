import type { Dictionary } from '../dictionary.ts';
import type { remoteSigningPages as vi } from '../vi/remote-signing.ts';

/** Remote signing: the signer confirms on the phone app of the signing service. */
export const remoteSigningPages: Dictionary<typeof vi> = {
  remoteSigning: {
    hint: 'You sign remotely: after pressing Sign, open the signing app on your phone and confirm.',
    waiting: 'Waiting for confirmation on the phone…',
    sending: 'Sending the request to the remote-signing service…',
    description: 'What the phone shows',
    expiresAt: 'Expires at {{time}}',
  },
  remoteAccounts: {
    title: 'Remote-signing accounts',
    lead: 'An official with an account here signs by confirming on their phone (the remote-signing service configured on the server), even if they also have a PKCS#12 key. At enrolment the certificate is read from the service.',
    list: 'Remote-signing accounts in use',
    empty: 'No official signs remotely yet.',
    official: 'Official',
    providerUserId: 'User id at the signing service',
    providerUserIdHint:
      'The id the remote-signing service gave the official (often the citizen ID or phone number).',
    since: 'Since',
    certificate: 'Certificate',
    serial: 'Serial {{serial}}',
    validUntil: 'valid until {{date}}',
    enrolTitle: 'Enrol an official for remote signing',
    enrolLead: 'Enrolling an official who already has an account replaces the old one.',
    enrol: 'Enrol for remote signing',
    enrolling: 'Asking the signing service…',
    enrolled: '{{name}} now signs remotely (certificate valid until {{date}}).',
    actions: 'Actions',
    remove: 'Remove',
    removeLabel: 'Remove the remote-signing account of {{name}}',
    removeTitle: 'Remove the remote-signing account of {{name}}?',
    removeLead:
      'The official will no longer sign remotely; with a PKCS#12 key they sign with it. The removal is audited.',
    removing: 'Removing…',
    removed: 'The remote-signing account of {{name}} was removed.',
  },
};
