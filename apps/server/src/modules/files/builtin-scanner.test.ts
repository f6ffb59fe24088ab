import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EICAR } from '../../../test/fixtures/eicar.ts';
import { builtinScanner, parseNdb } from './builtin-scanner.ts';
import { PROJECT_SIGNATURES } from './create-scanner.ts';

describe('parseNdb', () => {
  it('reads the project signature file: the EICAR string, anywhere in a file', () => {
    const [signature, ...rest] = parseNdb(readFileSync(PROJECT_SIGNATURES, 'utf8'));
    expect(rest).toEqual([]);
    expect(signature?.name).toBe('Tinhso.Test.EICAR');
    expect(signature?.offset).toBeNull();
    expect(signature?.bytes.toString('latin1')).toBe(EICAR);
  });

  it('refuses what it cannot match exactly, naming the line, rather than ignoring it', () => {
    expect(() => parseNdb('A:0:*:41??42')).toThrow(/line 1 \(A\): only plain hex/);
    expect(() => parseNdb('# comment\nB:0:EOF-10:4142')).toThrow(/line 2 \(B\): only the offsets/);
    expect(() => parseNdb('C:0:*')).toThrow(/expected name:target:offset:hexsig/);
    expect(() => parseNdb('# nothing\n')).toThrow(/no signature/);
  });
});

describe('builtinScanner', () => {
  const scanner = builtinScanner(parseNdb('Anywhere:0:*:414243\nAtFour:0:4:5a5a'));

  it('finds a signature anywhere, or only at its offset', async () => {
    expect(await scanner.scan(Buffer.from('xxxxxABCxx'))).toEqual({ clean: false, signature: 'Anywhere' });
    expect(await scanner.scan(Buffer.from('0123ZZ'))).toEqual({ clean: false, signature: 'AtFour' });
    expect(await scanner.scan(Buffer.from('01234ZZ'))).toEqual({ clean: true });
    expect(await scanner.scan(new Uint8Array(0))).toEqual({ clean: true });
  });

  it('scans a view into a larger buffer by its own bytes only', async () => {
    const whole = Buffer.from('ABC-clean');
    expect(await scanner.scan(whole.subarray(4))).toEqual({ clean: true });
  });
});
