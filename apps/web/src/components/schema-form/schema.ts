/**
 * The part of JSON Schema that procedure forms use (packages/contracts ProcedureContent.form): an
 * object of strings (enum, date, email, pattern, length), numbers, booleans and nested objects.
 */
export interface FormSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  enum?: readonly unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, FormSchema>;
  required?: readonly string[];
}

export type FormValue = Record<string, unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a procedure's form as a FormSchema; anything that is not an object schema gives no fields. */
export function asFormSchema(schema: unknown): FormSchema {
  return isRecord(schema) ? schema : {};
}

export function kindOf(schema: FormSchema): string {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type) return type;
  return schema.properties ? 'object' : 'string';
}

/**
 * Where the usual fields of a Vietnamese form stand: the applicant first, then a person's name, date
 * of birth, number, contacts and address. Stored as jsonb, a schema loses the order of its keys, so
 * the form puts these first and then the required fields before the optional ones.
 */
const USUAL_ORDER = [
  'nguoiYeuCau',
  'hoTen',
  'ngaySinh',
  'gioiTinh',
  'soDinhDanh',
  'danToc',
  'quocTich',
  'soDienThoai',
  'email',
  'noiCuTru',
];

export function orderedProperties(schema: FormSchema): [string, FormSchema][] {
  const required = new Set(schema.required ?? []);
  const rank = (key: string) => {
    const usual = USUAL_ORDER.indexOf(key);
    if (usual >= 0) return usual;
    return USUAL_ORDER.length + (required.has(key) ? 0 : 1);
  };
  return Object.entries(schema.properties ?? {})
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => rank(a.entry[0]) - rank(b.entry[0]) || a.index - b.index)
    .map(({ entry }) => entry);
}

export function getAt(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current;
}

/**
 * A copy of value with path set; undefined removes the key, so an emptied optional field is absent
 * rather than "" (which would fail its pattern) and an emptied required one is reported as missing.
 */
export function setAt(value: FormValue, path: readonly string[], next: unknown): FormValue {
  const [key, ...rest] = path;
  if (key === undefined) return value;
  const copy: FormValue = { ...value };
  if (rest.length === 0) {
    if (next === undefined) delete copy[key];
    else copy[key] = next;
    return copy;
  }
  const child = isRecord(copy[key]) ? copy[key] : {};
  const updated = setAt(child, rest, next);
  if (Object.keys(updated).length === 0) delete copy[key];
  else copy[key] = updated;
  return copy;
}

/** Fills the empty leaves of value with those of defaults ("provide information once"). */
export function withDefaults(value: FormValue, defaults: FormValue): FormValue {
  let result = value;
  const visit = (node: FormValue, path: string[]) => {
    for (const [key, child] of Object.entries(node)) {
      const at = [...path, key];
      if (isRecord(child)) visit(child, at);
      else if (child !== undefined && child !== '' && getAt(result, at) === undefined)
        result = setAt(result, at, child);
    }
  };
  visit(defaults, []);
  return result;
}
