import { XMLBuilder } from 'fast-xml-parser';

/**
 * Turns an ordered object tree into XML text with fast-xml-parser's builder: keys in insertion order,
 * `@_` keys are attributes, arrays repeat an element, undefined values are left out. No indentation
 * and a fixed declaration, so the same tree always gives the same bytes (a later XML-DSig signs them).
 */
export type XmlTree = { [name: string]: XmlValue };
export type XmlValue = string | XmlTree | (string | XmlTree)[] | undefined;

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: false,
  suppressEmptyNode: false,
  processEntities: true,
});

export function writeXml(root: XmlTree): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${builder.build(prune(root))}`;
}

/** Elements with the given prefix: `{Subject: 'x'}` → `{'edXML:Subject': 'x'}`; attributes untouched. */
export function prefixed(prefix: string, tree: XmlTree): XmlTree {
  const result: XmlTree = {};
  for (const [name, value] of Object.entries(tree)) {
    if (value === undefined) continue;
    const key = name.startsWith('@_') ? name : `${prefix}:${name}`;
    result[key] = Array.isArray(value)
      ? value.map((item: string | XmlTree) => (typeof item === 'string' ? item : prefixed(prefix, item)))
      : typeof value === 'string'
        ? value
        : prefixed(prefix, value);
  }
  return result;
}

function prune(tree: XmlTree): XmlTree {
  const result: XmlTree = {};
  for (const [name, value] of Object.entries(tree)) {
    if (value === undefined) continue;
    result[name] = Array.isArray(value)
      ? value.map((item: string | XmlTree) => (typeof item === 'string' ? item : prune(item)))
      : typeof value === 'string'
        ? value
        : prune(value);
  }
  return result;
}
