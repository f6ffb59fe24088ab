import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/**
 * Independent checks for the signature tests: poppler's `pdfsig` and `openssl cms`, run on the
 * bytes TinhSo produced, and a ByteRange reader that shares no code with the verifier. A missing
 * tool fails the test (apt-get install poppler-utils openssl), never skips it.
 */
const workDir = mkdtempSync(join(tmpdir(), 'tinhso-signatures-'));
let fileCount = 0;

export function writeTemp(name: string, bytes: Uint8Array | string): string {
  const path = join(workDir, `${fileCount++}-${name}`);
  writeFileSync(path, bytes);
  return path;
}

function run(tool: string, args: string[]): { status: number; output: string } {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  if (result.error) {
    throw new Error(`${tool} could not run (${result.error.message}): install poppler-utils and openssl`);
  }
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

/** pdfsig's report of a PDF (it has no trust store here: no NSS certutil on the machine). */
export function pdfsig(pdf: Uint8Array): { status: number; output: string } {
  return run('pdfsig', [writeTemp('document.pdf', pdf)]);
}

/** The signatures of a PDF read straight from its bytes: ByteRange and the CMS of /Contents. */
export function rawSignatures(pdf: Uint8Array): { byteRange: number[]; cms: Buffer; signedBytes: Buffer }[] {
  const text = Buffer.from(pdf).toString('latin1');
  return [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)].map((match) => {
    const byteRange = match.slice(1, 5).map(Number);
    const [start, length1, offset2, length2] = byteRange as [number, number, number, number];
    const hex = text.slice(start + length1 + 1, offset2 - 1);
    // The DER length of the outer SEQUENCE tells where the zero padding begins.
    const der = Buffer.from(hex, 'hex');
    const lengthBytes = der[1]! & 0x7f;
    const bodyLength = der.subarray(2, 2 + lengthBytes).reduce((n, b) => n * 256 + b, 0);
    return {
      byteRange,
      cms: der.subarray(0, 2 + lengthBytes + bodyLength),
      signedBytes: Buffer.concat([
        Buffer.from(pdf.subarray(start, start + length1)),
        Buffer.from(pdf.subarray(offset2, offset2 + length2)),
      ]),
    };
  });
}

/** `openssl cms -verify` of a detached CMS over `content`, trusting only `rootPem`. */
export function opensslCmsVerify(options: { cms: Uint8Array; content: Uint8Array; rootPem: string }) {
  return run('openssl', [
    'cms',
    '-verify',
    '-binary',
    '-inform',
    'DER',
    '-in',
    writeTemp('signature.p7s', options.cms),
    '-content',
    writeTemp('content.bin', options.content),
    '-CAfile',
    writeTemp('root.pem', options.rootPem),
    '-out',
    '/dev/null',
  ]);
}

/** `openssl cms -cmsout -print` of a CMS, to read its structure as OpenSSL parses it. */
export function opensslCmsPrint(cms: Uint8Array): string {
  return run('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', writeTemp('print.p7s', cms)])
    .output;
}

/** A document of `pages` pages with a line of text on each. */
export async function samplePdf(pages = 1): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    doc.addPage().drawText(`Quyet dinh so 12/QD-UBND, trang ${i}`, { x: 50, y: 750, size: 12, font });
  }
  return doc.save();
}

/**
 * pdfsig with a temporary NSS database that trusts `rootPem` as a CA (certutil from Debian's
 * libnss3-tools), so that pdfsig also judges the chain: "Certificate is Trusted". Trust "C,," would
 * be for TLS only: pdfsig checks the e-mail signer usage, so the root is trusted for all three.
 */
export function pdfsigTrusting(pdf: Uint8Array, rootPem: string): { status: number; output: string } {
  const nssDir = mkdtempSync(join(tmpdir(), 'tinhso-nss-'));
  const create = run('certutil', ['-N', '--empty-password', '-d', `sql:${nssDir}`]);
  if (create.status !== 0) throw new Error(`certutil -N failed: ${create.output}`);
  const add = run('certutil', [
    '-A',
    '-n',
    'test-root',
    '-t',
    'CT,C,C',
    '-i',
    writeTemp('root.pem', rootPem),
    '-d',
    `sql:${nssDir}`,
  ]);
  if (add.status !== 0) throw new Error(`certutil -A failed: ${add.output}`);
  return run('pdfsig', ['-nssdir', `sql:${nssDir}`, writeTemp('document.pdf', pdf)]);
}
