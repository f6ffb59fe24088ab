import { randomUUID } from 'node:crypto';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { EdxmlIssue } from './types.ts';

/**
 * Reads untrusted XML into a small namespace-resolved tree, refusing what an exchange package never
 * needs and an attacker would use: DOCTYPE and entity declarations (XXE, "billion laughs") are
 * refused outright, before any parser sees them, as are encodings other than UTF-8, oversized input
 * and deep nesting. Never throws on bad input.
 */
export interface XmlElement {
  /** Null when the element is in no namespace. */
  namespace: string | null;
  localName: string;
  /** Attributes by their name as written (`version`, `xlink:href`), values decoded. */
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text, entities decoded, trimmed. */
  text: string;
}

export type XmlReadResult = { ok: true; root: XmlElement } | { ok: false; errors: EdxmlIssue[] };

export interface XmlReadOptions {
  maxBytes: number;
  /** Deeper nesting is refused (edXML needs 6 levels). */
  maxDepth?: number;
}

const CDATA = '#cdata';
const PREDEFINED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

type OrderedNode = Record<string, unknown>;

const fail = (path: string, message: string): XmlReadResult => ({ ok: false, errors: [{ path, message }] });

export function readXmlDocument(input: string | Uint8Array, options: XmlReadOptions): XmlReadResult {
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (size > options.maxBytes) {
    return fail('/', `the package is ${size} bytes, larger than the limit of ${options.maxBytes}`);
  }
  const text = decode(input);
  if (text === null) return fail('/', 'the package is not UTF-8 text');
  const declared = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']*)["']/.exec(text)?.[1];
  if (declared !== undefined && declared.toLowerCase() !== 'utf-8') {
    return fail('/', `encoding "${declared}" is refused: edXML packages are UTF-8`);
  }
  if (/<!DOCTYPE/i.test(text)) return fail('/', 'a DOCTYPE declaration is refused (DTDs are not accepted)');
  if (/<!ENTITY/i.test(text)) return fail('/', 'an ENTITY declaration is refused (DTDs are not accepted)');
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    return fail('/', `not well-formed XML: ${msg} (line ${line}, column ${col})`);
  }
  const aside = setLargeTextAside(text);
  let ordered: OrderedNode[];
  try {
    ordered = parser(options.maxDepth ?? 32).parse(aside.text) as OrderedNode[];
  } catch (error) {
    return fail('/', `not readable as XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  const roots = ordered.filter((node) => elementName(node) !== null);
  const [root] = roots;
  if (root === undefined || roots.length !== 1)
    return fail('/', 'an XML document has exactly one root element');
  const errors: EdxmlIssue[] = [];
  const element = toElement(root, new Map([['xml', XML_NAMESPACE]]), '', { errors, aside });
  return errors.length === 0 && element !== null ? { ok: true, root: element } : { ok: false, errors };
}

function decode(input: string | Uint8Array): string | null {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '');
  // UTF-16 is refused too: its BOM (FF FE / FE FF) is not valid UTF-8.
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    return null;
  }
}

function parser(maxDepth: number): XMLParser {
  return new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    cdataPropName: CDATA,
    maxNestedTags: maxDepth,
  });
}

function elementName(node: OrderedNode): string | null {
  return Object.keys(node).find((key) => key !== ':@' && key !== '#text' && key !== CDATA) ?? null;
}

/** Decodes the five predefined entities and character references; anything else is an error. */
function decodeEntities(raw: string, path: string, errors: EdxmlIssue[]): string {
  let isReported = false; // once per text: 300,000 bad references are one reason, not 300,000
  return raw.replace(/&([^;&\s]*);?/g, (whole, name: string) => {
    const code = /^#x([0-9a-f]+)$/i.exec(name)?.[1] ?? /^#([0-9]+)$/.exec(name)?.[1];
    if (whole.endsWith(';') && code !== undefined) {
      const codePoint =
        name.startsWith('#x') || name.startsWith('#X') ? parseInt(code, 16) : parseInt(code, 10);
      if (codePoint <= 0x10ffff) return String.fromCodePoint(codePoint);
    }
    const predefined = PREDEFINED_ENTITIES[name];
    if (whole.endsWith(';') && predefined !== undefined) return predefined;
    if (!isReported)
      errors.push({ path, message: `"${whole}" is not an XML character or predefined entity reference` });
    isReported = true;
    return whole;
  });
}

function splitName(name: string): [prefix: string | null, local: string] {
  const colon = name.indexOf(':');
  return colon < 0 ? [null, name] : [name.slice(0, colon), name.slice(colon + 1)];
}

interface Walk {
  errors: EdxmlIssue[];
  aside: LargeTextAside;
}

function toElement(
  node: OrderedNode,
  scope: ReadonlyMap<string, string>,
  parentPath: string,
  walk: Walk,
): XmlElement | null {
  const { errors } = walk;
  const name = elementName(node);
  if (name === null) return null;
  const [prefix, localName] = splitName(name);
  const path = `${parentPath}/${localName}`;
  const rawAttributes = (node[':@'] ?? {}) as Record<string, string>;
  const inScope = new Map(scope);
  const attributes: Record<string, string> = {};
  for (const [attribute, raw] of Object.entries(rawAttributes)) {
    const value = decodeEntities(raw, `${path}/@${attribute}`, errors);
    if (attribute === 'xmlns') inScope.set('', value);
    else if (attribute.startsWith('xmlns:')) inScope.set(attribute.slice(6), value);
    attributes[attribute] = value;
  }
  const namespace = inScope.get(prefix ?? '') ?? null;
  if (prefix !== null && namespace === null) {
    errors.push({ path, message: `the prefix "${prefix}" of element ${name} is not declared` });
  }
  const children: XmlElement[] = [];
  let text = '';
  for (const child of (node[name] ?? []) as OrderedNode[]) {
    if (typeof child['#text'] === 'string') {
      text += decodeEntities(walk.aside.restore(child['#text']), path, errors);
    } else if (Array.isArray(child[CDATA])) text += cdataText(child[CDATA] as OrderedNode[]);
    else {
      const element = toElement(child, inScope, path, walk);
      if (element !== null) children.push(element);
    }
  }
  return { namespace, localName, attributes, children, text: text.trim() };
}

function cdataText(nodes: OrderedNode[]): string {
  return nodes.map((node) => (typeof node['#text'] === 'string' ? node['#text'] : '')).join('');
}

const LARGE_TEXT = 65536;

interface LargeTextAside {
  text: string;
  restore(parsed: string): string;
}

/**
 * fast-xml-parser reads a long text node slowly (2.8 s for a 13 MiB base64 attachment here), so runs
 * of element text of 64 KiB or more are taken out before parsing and put back after: each becomes a
 * token with a per-call random nonce. Only a run between `>` and `<` with neither inside is taken,
 * which is element text (a comment, CDATA section or instruction ends with `>`, not `<`).
 */
function setLargeTextAside(text: string): LargeTextAside {
  const runs: string[] = [];
  const nonce = randomUUID();
  let slim = '';
  let copied = 0;
  let lessThan = -1;
  // A scan with indexOf: a regular expression with {65536,} overflows the regex engine's stack.
  for (let greaterThan = text.indexOf('>'); greaterThan >= 0;) {
    if (lessThan <= greaterThan) lessThan = text.indexOf('<', greaterThan + 1);
    if (lessThan < 0) break;
    const nextGreaterThan = text.indexOf('>', greaterThan + 1);
    if (nextGreaterThan >= 0 && nextGreaterThan < lessThan) {
      greaterThan = nextGreaterThan;
      continue;
    }
    if (lessThan - greaterThan - 1 >= LARGE_TEXT) {
      runs.push(text.slice(greaterThan + 1, lessThan));
      slim += `${text.slice(copied, greaterThan + 1)}edxml-text-${nonce}-${runs.length - 1}`;
      copied = lessThan;
    }
    greaterThan = nextGreaterThan;
  }
  slim += text.slice(copied);
  const token = new RegExp(`edxml-text-${nonce}-(\\d+)`, 'g');
  return {
    text: slim,
    restore: (parsed) =>
      runs.length === 0
        ? parsed
        : parsed.replace(token, (_whole, index: string) => runs[Number(index)] ?? ''),
  };
}
