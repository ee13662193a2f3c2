import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { PayloadClass } from './catalogue.types';

/** Flattens class-validator errors into `path: message` lines a person can read. */
export function describeValidationErrors(errors: ValidationError[], parent = ''): string[] {
  const out: string[] = [];
  for (const e of errors) {
    const path = parent ? `${parent}.${e.property}` : e.property;
    for (const msg of Object.values(e.constraints ?? {})) out.push(`${path}: ${msg}`);
    if (e.children?.length) out.push(...describeValidationErrors(e.children, path));
  }
  return out;
}

export class PayloadInvalidError extends Error {
  constructor(
    readonly typeName: string,
    readonly problems: string[],
  ) {
    super(`${typeName} payload invalid: ${problems.join('; ')}`);
    this.name = 'PayloadInvalidError';
  }
}

/**
 * Validates a raw payload against its contract class. Unknown fields are dropped, not refused, so a producer may add
 * optional fields within a major version without breaking consumers.
 */
export function parsePayload<P extends object>(cls: PayloadClass<P>, raw: unknown): P {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new PayloadInvalidError(cls.name, ['payload must be a JSON object']);
  const instance = plainToInstance(cls, raw) as P;
  const errors = validateSync(instance, { whitelist: true, forbidUnknownValues: true });
  if (errors.length) throw new PayloadInvalidError(cls.name, describeValidationErrors(errors));
  return instance;
}
