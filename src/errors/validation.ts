// class-validator results as our coded errors, and the validateFn that runs them for every argument.
import { validate, type ValidationError } from 'class-validator';
import { getNamedType, type GraphQLResolveInfo } from 'graphql';
import { getMetadataStorage, type ValidatorFn } from 'type-graphql';
import { AppError } from './app-error';

/** The first failed constraint of a class-validator tree, with its dotted field path. */
export function firstViolation(errors: ValidationError[], prefix = ''): { field: string; message: string } | undefined {
  for (const error of errors) {
    // A list item's property is its index: `quotes[3]`, as a path into JSON reads.
    const field = /^\d+$/.test(error.property)
      ? `${prefix}[${error.property}]`
      : prefix
        ? `${prefix}.${error.property}`
        : error.property;
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

/**
 * The argument of the field being resolved whose GraphQL type is `typeName`. The validateFn is
 * told the argument's value and class but not its name, so the name is found by type among the
 * field's arguments; two arguments of one input type could not be told apart, and such a field
 * must give them their own validateFn.
 */
function argumentNameOf(info: GraphQLResolveInfo, typeName: string): string {
  const args = info.parentType
    .getFields()
    [info.fieldName].args.filter((arg) => getNamedType(arg.type).name === typeName);
  if (args.length !== 1) {
    throw new Error(
      `${info.parentType.name}.${info.fieldName} has ${args.length} arguments of type ${typeName}: give each its own validateFn`,
    );
  }
  return args[0].name;
}

const isObject = (value: unknown): value is object => value !== null && typeof value === 'object';

/**
 * buildSchema's validateFn, so that no argument goes unvalidated: an input object (or each one of
 * a list) is checked as `checkInput` checks it, and the field of the error starts with the
 * argument's name (`input.span.start`, `inputs[3].title`). Scalars and enums pass untouched; an
 * argument with its own validateFn skips this one.
 */
export const validateArgument: ValidatorFn = async (value, type, { info }) => {
  if (!isObject(value)) return;
  const metadata = getMetadataStorage();
  const inputType = metadata.inputTypes.find((t) => t.target === type);
  if (!inputType) {
    // An @ArgsType class holds the field's arguments themselves: its properties are their names.
    if (metadata.argumentTypes.some((t) => t.target === type)) await checkInput(value);
    return;
  }
  const name = argumentNameOf(info, inputType.name);
  if (!Array.isArray(value)) return checkInput(value, name);
  for (const [index, item] of value.entries()) if (isObject(item)) await checkInput(item, `${name}[${index}]`);
};

/**
 * The validateFn of a batch argument whose service validates each item itself (with
 * `checkInput`), so that one bad item fails alone and is reported in its own result.
 */
export const validatedPerItem: ValidatorFn = () => undefined;
