export type ScanResult = { clean: true } | { clean: false; signature: string };
export type ScannerKind = 'clamd' | 'builtin';

/**
 * A virus scanner. `scan` answers clean or the name of the signature found, and throws
 * AppError('unavailable') when it cannot tell: an upload is then refused, never stored unscanned.
 */
export interface Scanner {
  readonly kind: ScannerKind;
  scan(bytes: Uint8Array): Promise<ScanResult>;
}
