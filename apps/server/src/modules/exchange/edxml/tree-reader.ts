import type { EdxmlIssue } from './types.ts';
import type { XmlElement } from './xml-document.ts';

/**
 * Reads edXML elements out of the tree, collecting one issue per missing or empty required element,
 * each naming the element by its path (`MessageHeader/To[2]/OrganId`). Only elements in the edXML
 * namespace count: an element of the right name in another namespace is not the element.
 */
export class TreeReader {
  readonly errors: EdxmlIssue[] = [];
  private readonly namespace: string;

  constructor(namespace: string) {
    this.namespace = namespace;
  }

  fail(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  isEdxml(element: XmlElement, name: string): boolean {
    return element.localName === name && element.namespace === this.namespace;
  }

  all(parent: XmlElement, name: string): XmlElement[] {
    return parent.children.filter((child) => this.isEdxml(child, name));
  }

  optional(parent: XmlElement, name: string): XmlElement | undefined {
    return parent.children.find((child) => this.isEdxml(child, name));
  }

  required(parent: XmlElement, name: string, parentPath: string): XmlElement | undefined {
    const element = this.optional(parent, name);
    if (element === undefined) this.fail(join(parentPath, name), `required element ${name} is missing`);
    return element;
  }

  /** The text of an optional element: undefined when absent, '' when empty. */
  optionalText(parent: XmlElement, name: string): string | undefined {
    return this.optional(parent, name)?.text;
  }

  /** The text of a required element, which must not be empty. */
  requiredText(parent: XmlElement, name: string, parentPath: string): string {
    const element = this.required(parent, name, parentPath);
    if (element !== undefined && element.text === '') this.fail(join(parentPath, name), `${name} is empty`);
    return element?.text ?? '';
  }

  /** The texts of every `name` child of an optional list element (`ToPlaces/Place`). */
  textList(parent: XmlElement, listName: string, itemName: string): string[] | undefined {
    const list = this.optional(parent, listName);
    return list === undefined ? undefined : this.all(list, itemName).map((item) => item.text);
  }
}

export function join(parentPath: string, name: string): string {
  return parentPath === '' ? name : `${parentPath}/${name}`;
}

/** Drops the keys whose value is undefined, so a parsed object equals the one that was built. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
