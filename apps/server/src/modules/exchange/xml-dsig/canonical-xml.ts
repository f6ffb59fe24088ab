/**
 * Exclusive XML canonicalisation without comments (W3C xml-exc-c14n, 2002), for the edXML XML-DSig
 * profile of ADR 0021. Written here because no maintained pure-JS XML-DSig library is installed; it
 * covers what an edXML package holds and refuses the rest:
 * - input: UTF-8 text without DOCTYPE (the edXML reader refuses DTDs first, so there are no entity
 *   declarations, default attributes or attribute types: every attribute is CDATA);
 * - line ends normalised to LF; attribute values normalised (literal TAB/CR/LF → space), then the
 *   five predefined entities and character references decoded; CDATA sections become text;
 * - comments and anything outside the root element dropped; processing instructions inside kept;
 * - namespace declarations rendered only where visibly utilised and not already rendered by an
 *   output ancestor (no InclusiveNamespaces PrefixList); attributes sorted by namespace URI, then
 *   local name; text and attribute escaping as the recommendation says.
 * Not covered: xml:* attribute inheritance (exclusive c14n has none), XPath node sets other than
 * "the whole document minus one subtree" (the enveloped-signature transform) and "one subtree"
 * (SignedInfo).
 */

export interface XmlNode {
  /** The name as written, e.g. `edXML:Subject`. */
  name: string;
  /** Attributes in document order, values normalised and decoded; `xmlns` declarations included. */
  attributes: [string, string][];
  children: (XmlNode | XmlText)[];
}

export interface XmlText {
  text: string;
  /** A processing instruction inside the root: rendered as `<?target data?>`. */
  isInstruction?: boolean;
}

export class CanonicalXmlError extends Error {}

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const NAME = /^[A-Za-z_][\w.\-:]*$/;

function decodeReferences(raw: string): string {
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (whole, reference: string) => {
    if (reference.startsWith('#x')) return String.fromCodePoint(parseInt(reference.slice(2), 16));
    if (reference.startsWith('#')) return String.fromCodePoint(parseInt(reference.slice(1), 10));
    const entity = ENTITIES[reference];
    if (entity === undefined) throw new CanonicalXmlError(`undeclared entity ${whole}`);
    return entity;
  });
}

/** Attribute-value normalisation for CDATA attributes, then references (so `&#xA;` stays a line feed). */
const attributeValue = (raw: string): string => decodeReferences(raw.replace(/[\t\n]/g, ' '));

function parseAttributes(text: string, at: number): [string, string][] {
  const attributes: [string, string][] = [];
  const pattern = /\s*([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/gy;
  let rest = text;
  pattern.lastIndex = 0;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = pattern.exec(rest)) !== null) {
    const name = match[1] ?? '';
    if (!NAME.test(name)) throw new CanonicalXmlError(`bad attribute name at ${at}`);
    if (attributes.some(([existing]) => existing === name))
      throw new CanonicalXmlError(`attribute ${name} repeated at ${at}`);
    attributes.push([name, attributeValue(match[3] ?? match[4] ?? '')]);
    consumed = pattern.lastIndex;
  }
  rest = rest.slice(consumed);
  if (rest.trim() !== '') throw new CanonicalXmlError(`unreadable attributes at ${at}`);
  return attributes;
}

/** Reads a document into nodes. Throws CanonicalXmlError on what the profile does not accept. */
export function parseXmlTree(input: string): XmlNode {
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new CanonicalXmlError('DTDs are not accepted');
  const stack: XmlNode[] = [];
  let root: XmlNode | null = null;
  let position = 0;
  const appendText = (value: string) => {
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push({ text: value });
    else if (value.trim() !== '') throw new CanonicalXmlError('text outside the root element');
  };
  while (position < text.length) {
    const open = text.indexOf('<', position);
    if (open < 0) {
      appendText(decodeReferences(text.slice(position)));
      break;
    }
    if (open > position) appendText(decodeReferences(text.slice(position, open)));
    if (text.startsWith('<!--', open)) {
      const close = text.indexOf('-->', open + 4);
      if (close < 0) throw new CanonicalXmlError('unterminated comment');
      position = close + 3;
    } else if (text.startsWith('<![CDATA[', open)) {
      const close = text.indexOf(']]>', open + 9);
      if (close < 0) throw new CanonicalXmlError('unterminated CDATA section');
      appendText(text.slice(open + 9, close));
      position = close + 3;
    } else if (text.startsWith('<?', open)) {
      const close = text.indexOf('?>', open + 2);
      if (close < 0) throw new CanonicalXmlError('unterminated processing instruction');
      const body = text.slice(open + 2, close);
      const parent = stack[stack.length - 1];
      if (parent && !/^xml(\s|$)/i.test(body)) parent.children.push({ text: body, isInstruction: true });
      position = close + 2;
    } else if (text.startsWith('</', open)) {
      const close = text.indexOf('>', open);
      const name = text.slice(open + 2, close).trim();
      const node = stack.pop();
      if (!node || node.name !== name) throw new CanonicalXmlError(`unexpected </${name}> at ${open}`);
      position = close + 1;
    } else {
      const close = findTagEnd(text, open);
      const isEmpty = text[close - 1] === '/';
      const inner = text.slice(open + 1, isEmpty ? close - 1 : close);
      const name = /^[^\s/>]+/.exec(inner)?.[0] ?? '';
      if (!NAME.test(name)) throw new CanonicalXmlError(`bad element name at ${open}`);
      const node: XmlNode = {
        name,
        attributes: parseAttributes(inner.slice(name.length), open),
        children: [],
      };
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(node);
      else if (root) throw new CanonicalXmlError('more than one root element');
      else root = node;
      if (!isEmpty) stack.push(node);
      position = close + 1;
    }
  }
  if (stack.length > 0 || !root) throw new CanonicalXmlError('the document is not complete');
  return root;
}

/** The `>` ending a start tag, skipping quoted attribute values. */
function findTagEnd(text: string, open: number): number {
  let quote: string | null = null;
  for (let index = open + 1; index < text.length; index++) {
    const char = text[index];
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '>') return index;
  }
  throw new CanonicalXmlError(`unterminated tag at ${open}`);
}

const prefixOf = (name: string): string => (name.includes(':') ? name.slice(0, name.indexOf(':')) : '');
const localOf = (name: string): string => (name.includes(':') ? name.slice(name.indexOf(':') + 1) : name);
const isDeclaration = (name: string) => name === 'xmlns' || name.startsWith('xmlns:');

/** The namespaces in scope at a node, given those of its parent. */
export function scopeOf(node: XmlNode, parent: ReadonlyMap<string, string>): Map<string, string> {
  const scope = new Map(parent);
  for (const [name, value] of node.attributes) {
    if (name === 'xmlns') scope.set('', value);
    else if (name.startsWith('xmlns:')) scope.set(name.slice(6), value);
  }
  return scope;
}

/** The namespace URI of an element (by its prefix, or the default). */
export function namespaceOf(node: XmlNode, scope: ReadonlyMap<string, string>): string {
  return scope.get(prefixOf(node.name)) ?? '';
}

export const localName = localOf;

const escapeText = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');
const escapeAttribute = (value: string) =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#x9;')
    .replace(/\n/g, '&#xA;')
    .replace(/\r/g, '&#xD;');

/**
 * The exclusive canonical form of `node`'s subtree, without comments, leaving out `exclude` (the
 * enveloped signature). `inherited` is the namespace scope of its parent; nothing is rendered above.
 */
export function canonicalize(
  node: XmlNode,
  options: { inherited?: ReadonlyMap<string, string>; exclude?: XmlNode } = {},
): string {
  const parts: string[] = [];
  const base = new Map(options.inherited ?? [['xml', XML_NAMESPACE]]);
  write(node, base, new Map(), options.exclude, parts);
  return parts.join('');
}

function write(
  node: XmlNode,
  parentScope: ReadonlyMap<string, string>,
  rendered: ReadonlyMap<string, string>,
  exclude: XmlNode | undefined,
  parts: string[],
): void {
  const scope = scopeOf(node, parentScope);
  const attributes = node.attributes.filter(([name]) => !isDeclaration(name));
  const utilised = new Set([prefixOf(node.name)]);
  for (const [name] of attributes) if (prefixOf(name) !== '') utilised.add(prefixOf(name));
  const renderedHere = new Map(rendered);
  const declarations: string[] = [];
  for (const prefix of [...utilised].sort()) {
    if (prefix === 'xml') continue;
    const uri = scope.get(prefix);
    if (uri === undefined) {
      if (prefix === '') continue;
      throw new CanonicalXmlError(`the prefix ${prefix} is not declared`);
    }
    const previous = rendered.get(prefix) ?? '';
    if (uri === previous) continue;
    renderedHere.set(prefix, uri);
    declarations.push(
      prefix === '' ? ` xmlns="${escapeAttribute(uri)}"` : ` xmlns:${prefix}="${escapeAttribute(uri)}"`,
    );
  }
  const sorted = attributes
    .map(([name, value]) => {
      const prefix = prefixOf(name);
      const uri = prefix === '' ? '' : (scope.get(prefix) ?? '');
      return { name, value, uri, local: localOf(name) };
    })
    .sort((a, b) => (a.uri === b.uri ? compare(a.local, b.local) : compare(a.uri, b.uri)));
  parts.push(`<${node.name}`, ...declarations);
  for (const attribute of sorted) parts.push(` ${attribute.name}="${escapeAttribute(attribute.value)}"`);
  parts.push('>');
  for (const child of node.children) {
    if ('name' in child) {
      if (child !== exclude) write(child, scope, renderedHere, exclude, parts);
    } else if (child.isInstruction) parts.push(`<?${child.text}?>`);
    else parts.push(escapeText(child.text));
  }
  parts.push(`</${node.name}>`);
}

/** Code-point order, as c14n requires (not locale order). */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
