export { SchemaForm, issuesOutside, type SchemaFormProps } from './schema-form.tsx';
export {
  asFormSchema,
  getAt,
  orderedProperties,
  setAt,
  withDefaults,
  type FormSchema,
  type FormValue,
} from './schema.ts';
