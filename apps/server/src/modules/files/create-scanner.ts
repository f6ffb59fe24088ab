import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { builtinScanner, parseNdb } from './builtin-scanner.ts';
import { clamdScanner } from './clamd-scanner.ts';
import type { Scanner } from './scanner.ts';

/** The project's own signature file: the EICAR test string only (Debian's ClamAV ships no database). */
export const PROJECT_SIGNATURES = fileURLToPath(
  new URL('../../../../../signatures/tinhso-test.ndb', import.meta.url),
);

export interface ScannerOptions {
  /** clamd's TCP address; without it the built-in matcher of `signaturesFile` scans (demo only). */
  clamd?: { host: string; port: number; timeoutMs?: number };
  signaturesFile?: string;
}

export function createScanner(options: ScannerOptions): Scanner {
  if (options.clamd) return clamdScanner(options.clamd);
  return builtinScanner(parseNdb(readFileSync(options.signaturesFile ?? PROJECT_SIGNATURES, 'utf8')));
}
