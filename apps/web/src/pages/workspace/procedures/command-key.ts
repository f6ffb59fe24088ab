import { useState } from 'react';
import { newIdempotencyKey } from '../../../api/back-office.ts';

/**
 * The Idempotency-Key of the change a catalogue form is about to send. It stays the same while the
 * same change is retried (a double click, a resend after a lost answer, a fix after a refusal, which
 * the server does not keep) and is renewed once the change is done or the officer starts another.
 */
export function useCommandKey(): { key: string; renew: () => void } {
  const [key, setKey] = useState(newIdempotencyKey);
  return {
    key,
    renew: () => {
      setKey(newIdempotencyKey());
    },
  };
}
