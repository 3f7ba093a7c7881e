// class-validator results as our coded errors, and the validateFn that runs them for every argument;
// every string of an argument, at any depth, is also checked to be text PostgreSQL can store.
import { validate, type ValidationError } from 'class-validator';
import { getNamedType, type GraphQLResolveInfo } from 'graphql';
import { getMetadataStorage, type ValidatorFn } from 'type-graphql';
import { AppError } from './app-error';

/** A field at fault and what is wrong with it. */
export interface Violation {
  readonly field: string;
  readonly message: string;
}

// C0 controls other than tab, line feed and carriage return: PostgreSQL cannot store NUL in text
// (22021), and the others have no place in a title, a name or a query.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `text` is not storable text (a forbidden control character, a lone surrogate), or undefined. */
export function forbiddenCharacterIn(text: string): string | undefined {
  const control = FORBIDDEN_CONTROL.exec(text);
  if (control) {
    const hex = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return `contains the control character U+${hex}`;
  }
  if (LONE_SURROGATE.test(text)) return 'contains a lone surrogate: it is not valid Unicode text';
  return undefined;
}

const childPath = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

/**
 * The first string in `value` (itself, or within its objects and lists at any depth, in order)
 * that is not storable text, with its path (`input.annotations.sources[2].descriptor`). The walk
 * keeps its own stack, so no nesting a request can send overflows the call stack.
 */
export function forbiddenStringIn(value: unknown, path: string): Violation | undefined {
  const pending: [unknown, string][] = [[value, path]];
  const seen = new WeakSet<object>();
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, itemPath] = next;
    if (typeof item === 'string') {
      const problem = forbiddenCharacterIn(item);
      if (problem) return { field: itemPath, message: `${itemPath || 'the value'} ${problem}` };
    } else if (item !== null && typeof item === 'object' && !seen.has(item)) {
      seen.add(item);
      const children: [unknown, string][] = Array.isArray(item)
        ? item.map((child: unknown, index) => [child, childPath(itemPath, index)])
        : Object.entries(item).map(([key, child]) => [child, childPath(itemPath, key)]);
      // Reversed onto the stack, so that the first child is looked at first.
      for (let i = children.length - 1; i >= 0; i -= 1) pending.push(children[i]);
    }
  }
  return undefined;
}

/** BAD_USER_INPUT naming the first string in `value` that is not storable text. */
export function refuseForbiddenCharacters(value: unknown, path: string): void {
  const violation = forbiddenStringIn(value, path);
  if (violation) throw AppError.badInput(violation.message, violation.field || undefined);
}

/** The first failed constraint of a class-validator tree, with its dotted field path. */
export function firstViolation(errors: ValidationError[], prefix = ''): Violation | undefined {
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

/**
 * Validates an input object: every string in it storable text, then its class-validator
 * decorators; BAD_USER_INPUT naming the field. The CLI and the batch run it per item.
 */
export async function checkInput(input: object, fieldPrefix = ''): Promise<void> {
  refuseForbiddenCharacters(input, fieldPrefix);
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

const sameValue = (a: unknown, b: unknown): boolean =>
  a === b || (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => item === b[i]));

/**
 * The name of the argument that holds a scalar (or a list of scalars): the one whose raw value it
 * is. Two arguments with the same value are equally at fault, so either name is right.
 */
function argumentNameByValue(args: Record<string, unknown>, value: unknown): string {
  return Object.entries(args).find(([, raw]) => sameValue(raw, value))?.[0] ?? 'argument';
}

/**
 * buildSchema's validateFn, so that no argument goes unvalidated: an input object (or each one of
 * a list) is checked as `checkInput` checks it, and the field of the error starts with the
 * argument's name (`input.span.start`, `inputs[3].title`). Every other argument (a string, a list
 * of them, a JSON value) has its strings checked (`query`, `fromIds[2]`). An argument with its own
 * validateFn skips this one.
 */
export const validateArgument: ValidatorFn = async (value, type, { info, args }) => {
  const metadata = getMetadataStorage();
  const inputType = isObject(value) ? metadata.inputTypes.find((t) => t.target === type) : undefined;
  if (inputType && isObject(value)) {
    const name = argumentNameOf(info, inputType.name);
    if (!Array.isArray(value)) return checkInput(value, name);
    for (const [index, item] of value.entries()) if (isObject(item)) await checkInput(item, `${name}[${index}]`);
    return;
  }
  // An @ArgsType class holds the field's arguments themselves: its properties are their names.
  if (isObject(value) && metadata.argumentTypes.some((t) => t.target === type)) return checkInput(value);
  refuseForbiddenCharacters(value, argumentNameByValue(args, value));
};

/**
 * The validateFn of a batch argument whose service validates each item itself (with
 * `checkInput`), so that one bad item fails alone and is reported in its own result.
 */
export const validatedPerItem: ValidatorFn = () => undefined;
