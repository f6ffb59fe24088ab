import type { ScanResult, Scanner } from './scanner.ts';

/** One signature of a ClamAV .ndb file: a name and the bytes to look for, anywhere or at an offset. */
export interface NdbSignature {
  name: string;
  bytes: Buffer;
  /** null: anywhere in the file (`*`); a number: exactly at that offset. */
  offset: number | null;
}

const HEX = /^(?:[0-9a-f]{2})+$/i;

/**
 * Reads the lines `name:target:offset:hexsig[:minFlevel[:maxFlevel]]` of a ClamAV .ndb file. Only what
 * the project's own file needs is supported: plain hex bodies (no `??`, `*`, `{n-m}`, `(a|b)`
 * wildcards) and offsets `*` or a plain number. Anything else is an error at start, so that a
 * signature is never silently ignored. The target type is not checked (every file is scanned).
 */
export function parseNdb(text: string): NdbSignature[] {
  const signatures: NdbSignature[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [name, target, offset, hex] = line.split(':');
    const where = `signature line ${index + 1}`;
    if (!name || target === undefined || offset === undefined || hex === undefined)
      throw new Error(`${where}: expected name:target:offset:hexsig`);
    if (!HEX.test(hex)) throw new Error(`${where} (${name}): only plain hex bodies are supported`);
    if (offset !== '*' && !/^\d+$/.test(offset))
      throw new Error(`${where} (${name}): only the offsets * and a plain number are supported`);
    signatures.push({
      name,
      bytes: Buffer.from(hex, 'hex'),
      offset: offset === '*' ? null : Number(offset),
    });
  });
  if (signatures.length === 0) throw new Error('the signature file holds no signature');
  return signatures;
}

/** A scanner without clamd: byte patterns of an .ndb file, for a demo on a machine with nothing else. */
export function builtinScanner(signatures: readonly NdbSignature[]): Scanner {
  return {
    kind: 'builtin',
    async scan(input: Uint8Array): Promise<ScanResult> {
      const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
      for (const signature of signatures) {
        const found =
          signature.offset === null
            ? bytes.includes(signature.bytes)
            : bytes
                .subarray(signature.offset, signature.offset + signature.bytes.length)
                .equals(signature.bytes);
        if (found) return { clean: false, signature: signature.name };
      }
      return { clean: true };
    },
  };
}
