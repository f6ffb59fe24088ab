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
};
