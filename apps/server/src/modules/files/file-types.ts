import { AppError } from '../../platform/errors.ts';

/**
 * The kinds of file a dossier may carry, each recognised by its first bytes (magic numbers), since
 * the declared type and the extension are whatever the client says. OOXML documents are ZIP archives:
 * the archive's own entry names (word/ or xl/) tell a DOCX from an XLSX, as the extension claims.
 */
export const ALLOWED_TYPES = {
  'application/pdf': { label: 'PDF', extensions: ['pdf'] },
  'image/jpeg': { label: 'JPEG', extensions: ['jpg', 'jpeg'] },
  'image/png': { label: 'PNG', extensions: ['png'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    label: 'DOCX',
    extensions: ['docx'],
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    label: 'XLSX',
    extensions: ['xlsx'],
  },
} as const;

export type AllowedMediaType = keyof typeof ALLOWED_TYPES;

export const ALLOWED_LABELS = Object.values(ALLOWED_TYPES)
  .map((type) => type.label)
  .join(', ');

/** Declared types that say nothing about the content; the bytes decide. */
const UNINFORMATIVE = new Set(['', 'application/octet-stream', 'binary/octet-stream']);
/** Names clients use for the same type. */
const ALIASES: Record<string, AllowedMediaType> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg' };

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** Entry names are stored uncompressed in a ZIP's local headers and central directory. */
function zipHasEntryPrefix(bytes: Uint8Array, prefix: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(prefix, 0, 'latin1');
}

/** What the bytes are, judged by their beginning alone; null when none of the allowed kinds. */
export function sniffMediaType(bytes: Uint8Array, extension: string): AllowedMediaType | null {
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // Any ZIP starts so; only the entry names say which Office document (if any) it is.
    if (extension === 'docx' && zipHasEntryPrefix(bytes, 'word/'))
      return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    if (extension === 'xlsx' && zipHasEntryPrefix(bytes, 'xl/'))
      return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  }
  return null;
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

/**
 * The type of an upload: the sniffed one, provided the extension and the declared type (if it says
 * anything) agree with it. Throws unsupported_type (415) naming the allowed types, or the mismatch.
 */
export function checkFileType(input: {
  bytes: Uint8Array;
  fileName: string;
  declaredType: string;
}): AllowedMediaType {
  const extension = extensionOf(input.fileName);
  const sniffed = sniffMediaType(input.bytes, extension);
  if (!sniffed) {
    throw new AppError('unsupported_type', {
      issues: [{ field: 'file', key: 'file.type', params: { allowed: ALLOWED_LABELS } }],
    });
  }
  const declared = input.declaredType.split(';')[0]!.trim().toLowerCase();
  const declaredType = ALIASES[declared] ?? declared;
  const extensionFits = (ALLOWED_TYPES[sniffed].extensions as readonly string[]).includes(extension);
  if (!extensionFits || (!UNINFORMATIVE.has(declaredType) && declaredType !== sniffed)) {
    throw new AppError('unsupported_type', {
      issues: [
        {
          field: 'file',
          key: 'file.typeMismatch',
          params: {
            found: ALLOWED_TYPES[sniffed].label,
            declared: `${extension ? `.${extension}` : '—'}, ${declared || '—'}`,
          },
        },
      ],
    });
  }
  return sniffed;
}
