// class-validator results as our coded errors.
import { validate, type ValidationError } from 'class-validator';
import { AppError } from './app-error';

/** The first failed constraint of a class-validator tree, with its dotted field path. */
export function firstViolation(errors: ValidationError[], prefix = ''): { field: string; message: string } | undefined {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const message = error.constraints ? Object.values(error.constraints)[0] : undefined;
    if (message) return { field, message };
    const nested = firstViolation(error.children ?? [], field);
    if (nested) return nested;
  }
  return undefined;
}

/** Validates an input object with its class-validator decorators; BAD_USER_INPUT naming the field. */
export async function checkInput(input: object, fieldPrefix = ''): Promise<void> {
  const violation = firstViolation(await validate(input, { forbidUnknownValues: false }), fieldPrefix);
  if (violation) throw AppError.badInput(violation.message, violation.field);
}
