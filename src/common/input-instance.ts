// A plain JSON object as the input class GraphQL would have built from it: what the bulk CLI and
// the file formats feed the same validation and services as the mutations.
import { isScalarType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type InputClass<T> = new () => T;

/** Scalars parsed as GraphQL parses a variable; a value the scalar refuses stays as it is, for validation to name. */
function scalarValue(type: unknown, value: unknown): unknown {
  if (!isScalarType(type)) return value;
  try {
    return type.parseValue(value);
  } catch {
    return value;
  }
}

function fieldValue(type: unknown, value: unknown): unknown {
  const isInputClass = getMetadataStorage().inputTypes.some((input) => input.target === type);
  if (!isInputClass) return scalarValue(type, value);
  const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
  return isObject ? inputInstanceOf(type as InputClass<object>, value as Record<string, unknown>) : value;
}

/**
 * The fields of `type` (and of the input classes nested in it) copied from `value`, unknown keys
 * dropped; nothing is checked here, so the class's validation reports every problem by its path.
 */
export function inputInstanceOf<T extends object>(type: InputClass<T>, value: Record<string, unknown>): T {
  const instance = new type() as Record<string, unknown>;
  // The storage's field list, not the input type's: that is only filled in when a schema is built.
  for (const field of getMetadataStorage().fields.filter((f) => f.target === type)) {
    const given = value[field.name];
    if (given === undefined) continue;
    if (given === null) instance[field.name] = null;
    else if (field.typeOptions.array && Array.isArray(given))
      instance[field.name] = given.map((item: unknown) => fieldValue(field.getType(), item));
    else instance[field.name] = fieldValue(field.getType(), given);
  }
  return instance as T;
}
