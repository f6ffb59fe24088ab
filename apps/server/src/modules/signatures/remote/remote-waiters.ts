/**
 * The signatures this process is waiting for, by the provider's transaction id. A callback wakes its
 * waiter at once (handing it a signature already checked against the certificate); without one the
 * waiter polls. In memory on purpose: the wait is one HTTP request of one server (ADR 0022), and a
 * callback reaching another server finds no waiter there, answers 404, and the waiter polls instead.
 */
export interface PendingRemoteSignature {
  transactionId: string;
  officialId: string;
  description: string;
  startedAt: Date;
  expiresAt: Date;
}

interface Waiter extends PendingRemoteSignature {
  /** True when `signature` is the signature over the signed data with the account's certificate. */
  verify(signature: Uint8Array): boolean;
  wake(signature?: Uint8Array): void;
}

export type CallbackOutcome = 'unknown_transaction' | 'bad_signature' | 'delivered';

export class RemoteWaiters {
  readonly #waiters = new Map<string, Waiter>();

  /**
   * Registers a waiter; `next(ms)` resolves with a signature delivered by a callback, or with null
   * after `ms` or when a callback reports another outcome (the caller then asks the provider).
   */
  add(pending: PendingRemoteSignature & { verify(signature: Uint8Array): boolean }): {
    next(ms: number): Promise<Uint8Array | null>;
    remove(): void;
  } {
    let delivered: Uint8Array | undefined;
    let wakeUp: (() => void) | undefined;
    const waiter: Waiter = {
      ...pending,
      wake(signature) {
        if (signature) delivered = signature;
        wakeUp?.();
      },
    };
    this.#waiters.set(pending.transactionId, waiter);
    return {
      next: (ms) =>
        new Promise((resolve) => {
          if (delivered) return resolve(delivered);
          const timer = setTimeout(() => resolve(null), ms);
          wakeUp = () => {
            clearTimeout(timer);
            wakeUp = undefined;
            resolve(delivered ?? null);
          };
        }),
      remove: () => {
        this.#waiters.delete(pending.transactionId);
      },
    };
  }

  /** A callback: a confirmed signature must verify; any other status only wakes the waiter. */
  deliver(transactionId: string, signature: Uint8Array | undefined): CallbackOutcome {
    const waiter = this.#waiters.get(transactionId);
    if (!waiter) return 'unknown_transaction';
    if (signature && !waiter.verify(signature)) return 'bad_signature';
    waiter.wake(signature);
    return 'delivered';
  }

  /** The requests an official's phone is showing now, oldest first. */
  pendingFor(officialId: string): PendingRemoteSignature[] {
    return [...this.#waiters.values()]
      .filter((waiter) => waiter.officialId === officialId)
      .map(({ transactionId, officialId: owner, description, startedAt, expiresAt }) => ({
        transactionId,
        officialId: owner,
        description,
        startedAt,
        expiresAt,
      }));
  }
}
