// Which fields of each type an operation asks for, so that loaders read only the columns those
// fields need: a page of titles never reads bodies, dates or confidences it will not print.
import {
  type DocumentNode,
  type GraphQLSchema,
  isAbstractType,
  isObjectType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';

/** Field names by GraphQL object type name, over every selection in the document (fragments included). */
export type FieldsByType = ReadonlyMap<string, ReadonlySet<string>>;

// Apollo keeps parsed documents across requests, so each is walked once.
const walked = new WeakMap<DocumentNode, FieldsByType>();

export function fieldsByType(schema: GraphQLSchema, document: DocumentNode): FieldsByType {
  let found = walked.get(document);
  if (!found) {
    found = walk(schema, document);
    walked.set(document, found);
  }
  return found;
}

function walk(schema: GraphQLSchema, document: DocumentNode): FieldsByType {
  const fields = new Map<string, Set<string>>();
  const add = (typeName: string, field: string) => {
    const set = fields.get(typeName) ?? new Set<string>();
    set.add(field);
    fields.set(typeName, set);
  };
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        // A field asked on an interface or a union is asked of every type that may stand there.
        if (isObjectType(parent)) add(parent.name, node.name.value);
        else if (isAbstractType(parent))
          for (const type of schema.getPossibleTypes(parent)) add(type.name, node.name.value);
      },
    }),
  );
  return fields;
}

/** Each GraphQL field of an entity that is not a column of the same name: the properties it reads. */
export type FieldColumns = Readonly<Record<string, readonly string[]>>;

/**
 * The properties to read for the fields `fields` asks of one type: `id`, each field's column or
 * the columns its resolver reads; every column when some field is neither (a resolver we know
 * nothing about), so a missing declaration costs speed, never a wrong answer.
 */
export function propertiesFor(
  fields: ReadonlySet<string> | undefined,
  columns: ReadonlyMap<string, string>,
  fieldColumns: FieldColumns,
): readonly string[] | 'all' {
  const properties = new Set(['id']);
  for (const field of fields ?? []) {
    if (field === '__typename') continue;
    const read = Object.hasOwn(fieldColumns, field) ? fieldColumns[field] : columns.has(field) ? [field] : undefined;
    if (!read) return 'all';
    for (const property of read) properties.add(property);
  }
  return [...properties];
}
