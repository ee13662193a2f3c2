import type { FormInstance } from 'antd';
import { describeError } from '../api/problem';

/**
 * Puts a service's per-field problems next to the form's fields. `fields` maps a request field (dotted path, as the
 * service names it) to the form's name path. Returns the problems that belong to no field of the form.
 */
export function showFieldErrors(form: FormInstance, err: unknown, fields: Record<string, (string | number)[]>): string[] {
  const unmatched: string[] = [];
  const set: { name: (string | number)[]; errors: string[] }[] = [];
  for (const [field, text] of Object.entries(describeError(err).fields)) {
    const name = fields[field] ?? fields[field.replace(/\.\d+(\.|$)/, '$1')];
    if (name) set.push({ name, errors: [text] });
    else unmatched.push(text);
  }
  form.setFields(set);
  return unmatched;
}

/** The identity map for a flat form whose field names are the request's. */
export function sameNames(...names: string[]): Record<string, string[]> {
  return Object.fromEntries(names.map((n) => [n, n.split('.')]));
}
