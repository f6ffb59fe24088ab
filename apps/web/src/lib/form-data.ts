/** The text of one field of a submitted form, trimmed; '' when absent. */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/** The text of an optional field: undefined when left empty, so that it is not sent. */
export function optionalText(form: FormData, name: string): string | undefined {
  const value = formText(form, name);
  return value === '' ? undefined : value;
}

/** A password as typed: spaces at the ends are part of it. */
export function formSecret(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
