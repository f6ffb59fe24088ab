/**
 * File names come from the client's machine: they may carry a path, control characters, or
 * direction overrides that make "hoadon\u202Efdp.exe" read as "hoadonexe.pdf". The name kept is for
 * display and for the download's Content-Disposition only; storage never uses it as a path.
 */
const MAX_NAME_LENGTH = 200;

/** C0/C1 controls, direction marks, embeddings, overrides and isolates, and the byte-order mark. */
function isUnsafe(codePoint: number): boolean {
  return (
    codePoint < 0x20 ||
    (codePoint >= 0x7f && codePoint <= 0x9f) ||
    codePoint === 0x200e ||
    codePoint === 0x200f ||
    (codePoint >= 0x202a && codePoint <= 0x202e) ||
    (codePoint >= 0x2066 && codePoint <= 0x2069) ||
    codePoint === 0xfeff
  );
}

export function sanitiseFileName(raw: string): string {
  const base = raw.split(/[/\\]/).pop() ?? '';
  const cleaned = [...base.normalize('NFC')]
    .filter((char) => !isUnsafe(char.codePointAt(0)!))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  const name = cleaned.replace(/^\.+/, '');
  if (name.length <= MAX_NAME_LENGTH) return name || 'tep';
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  return name.slice(0, MAX_NAME_LENGTH - extension.length).trimEnd() + extension;
}

/** A plain-ASCII stand-in for clients that do not read RFC 5987 (Vietnamese letters lose their marks). */
export function asciiFileName(name: string): string {
  const plain = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._ ()-]/g, '_');
  return plain || 'file';
}

/** RFC 5987 ext-value: UTF-8, percent-encoding everything outside attr-char. */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** `attachment` with an ASCII filename and the exact one as filename* (RFC 6266 §4.3). */
export function attachmentDisposition(name: string): string {
  return `attachment; filename="${asciiFileName(name)}"; filename*=UTF-8''${encodeExtValue(name)}`;
}
