// Turns a researcher's GraphQL query into an export plan: the path to its first connection, the
// query rewritten to page through it (first = the page size, after = a cursor variable, pageInfo
// selected), and the columns: one per leaf field under the connection's nodes, as dotted paths.
import {
  type DocumentNode,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  OperationTypeNode,
  parse,
  type SelectionSetNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { AppError } from '../errors/app-error';

export const AFTER_VARIABLE = 'quotegraphExportAfter';

export interface ExportPlan {
  readonly document: DocumentNode;
  /** Response keys from data down to the connection. */
  readonly path: string[];
  readonly columns: string[];
}

function isConnection(type: unknown): type is GraphQLObjectType {
  return isObjectType(type) && 'edges' in type.getFields() && 'pageInfo' in type.getFields();
}

const field = (name: string, selections?: FieldNode[]): FieldNode => ({
  kind: Kind.FIELD,
  name: { kind: Kind.NAME, value: name },
  ...(selections ? { selectionSet: { kind: Kind.SELECTION_SET, selections } } : {}),
});

/** Dotted paths of the leaf fields of a selection (aliases respected, fragments flattened). */
function leafPaths(
  selectionSet: SelectionSetNode | undefined,
  prefix: string,
  fragments: Map<string, SelectionSetNode>,
): string[] {
  const paths: string[] = [];
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      const key = `${prefix}${selection.alias?.value ?? selection.name.value}`;
      if (selection.selectionSet) paths.push(...leafPaths(selection.selectionSet, `${key}.`, fragments));
      else paths.push(key);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      paths.push(...leafPaths(selection.selectionSet, prefix, fragments));
    } else {
      paths.push(...leafPaths(fragments.get(selection.name.value), prefix, fragments));
    }
  }
  return [...new Set(paths)];
}

export function planExport(schema: GraphQLSchema, query: string, pageSize: number): ExportPlan {
  const document = parseSingleQuery(query);
  const connection = findFirstConnection(schema, document);
  const nodeSelection = selectedNodeFields(connection.node);
  return {
    document: withoutUnusedVariables(withPaging(document, connection.node, pageSize)),
    path: connection.path,
    columns: leafPaths(nodeSelection, '', fragmentsOf(document)),
  };
}

/** Parses the query; an export pages through one query operation, so it must hold exactly that. */
function parseSingleQuery(query: string): DocumentNode {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    throw AppError.badInput(`query does not parse: ${(error as Error).message}`, 'query');
  }
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (operations.length !== 1 || operations[0].operation !== OperationTypeNode.QUERY)
    throw AppError.badInput('query must hold exactly one query operation', 'query');
  return document;
}

interface ConnectionField {
  readonly node: FieldNode;
  /** Response keys from data down to the connection. */
  readonly path: string[];
}

/** The first field whose type is a connection, with the response keys that lead to it. */
function findFirstConnection(schema: GraphQLSchema, document: DocumentNode): ConnectionField {
  const typeInfo = new TypeInfo(schema);
  const stack: string[] = [];
  let found: ConnectionField | undefined;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field: {
        enter(node) {
          stack.push(node.alias?.value ?? node.name.value);
          if (!found && isConnection(getNamedType(typeInfo.getType()))) found = { node, path: [...stack] };
        },
        leave() {
          stack.pop();
        },
      },
    }),
  );
  if (!found)
    throw AppError.badInput('query selects no connection (a field with edges and pageInfo) to export', 'query');
  return found;
}

/** The selection under the connection's edges { node { … } }: the fields that become columns. */
function selectedNodeFields(connection: FieldNode): SelectionSetNode {
  const nodeField = connection.selectionSet?.selections.find(
    (s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === 'edges',
  );
  const nodeSelection = nodeField?.selectionSet?.selections.find(
    (s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === 'node',
  );
  if (!nodeSelection?.selectionSet)
    throw AppError.badInput('the connection must select edges { node { … } }: the fields to export', 'query');
  return nodeSelection.selectionSet;
}

/** The same query, paging the connection: first = page size, after = our variable, pageInfo kept. */
function withPaging(document: DocumentNode, connection: FieldNode, pageSize: number): DocumentNode {
  return visit(document, {
    OperationDefinition: (node) => withAfterVariable(node),
    Field: (node) => (node === connection ? pagedConnection(node, pageSize) : undefined),
  });
}

/** Declares our cursor variable, replacing a same-named one the query may already declare. */
function withAfterVariable(operation: OperationDefinitionNode): OperationDefinitionNode {
  const variables = (operation.variableDefinitions ?? []).filter((v) => v.variable.name.value !== AFTER_VARIABLE);
  return {
    ...operation,
    variableDefinitions: [
      ...variables,
      {
        kind: Kind.VARIABLE_DEFINITION,
        variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: AFTER_VARIABLE } },
        type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'String' } },
      },
    ],
  };
}

/**
 * The connection field with our first/after in place of the query's own, and an unaliased pageInfo
 * that selects what the paging loop reads (the query's own unaliased pageInfo would clash with it).
 */
function pagedConnection(connection: FieldNode, pageSize: number): FieldNode {
  const args = (connection.arguments ?? []).filter((a) => a.name.value !== 'first' && a.name.value !== 'after');
  return {
    ...connection,
    arguments: [
      ...args,
      {
        kind: Kind.ARGUMENT,
        name: { kind: Kind.NAME, value: 'first' },
        value: { kind: Kind.INT, value: String(pageSize) },
      },
      {
        kind: Kind.ARGUMENT,
        name: { kind: Kind.NAME, value: 'after' },
        value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: AFTER_VARIABLE } },
      },
    ],
    selectionSet: {
      kind: Kind.SELECTION_SET,
      selections: [
        ...(connection.selectionSet?.selections ?? []).filter(
          (s) => !(s.kind === Kind.FIELD && s.name.value === 'pageInfo' && !s.alias),
        ),
        field('pageInfo', [field('hasNextPage'), field('endCursor')]),
      ],
    },
  };
}

/** The named fragments' selections, so that columns include the fields a node takes through them. */
function fragmentsOf(document: DocumentNode): Map<string, SelectionSetNode> {
  return new Map(
    document.definitions.flatMap((d) =>
      d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d.selectionSet] as const] : [],
    ),
  );
}

/** The paging replaced the query's own first/after: variables only they used are dropped. */
function withoutUnusedVariables(document: DocumentNode): DocumentNode {
  const used = new Set<string>();
  visit(document, {
    VariableDefinition: () => false,
    Variable(node) {
      used.add(node.name.value);
    },
  });
  return visit(document, {
    VariableDefinition(node) {
      return used.has(node.variable.name.value) ? undefined : null;
    },
  });
}

/** A node as one row: nested fields under dotted names, lists joined with ";". */
export function flattenNode(node: unknown, columns: readonly string[]): string[] {
  return columns.map((column) => {
    const values = collect(node, column.split('.'));
    return values
      .filter((v) => v !== null && v !== undefined)
      .map(cellText)
      .join(';');
  });
}

/** A leaf as text; DateTime values as ISO 8601, as GraphQL responses write them. */
function cellText(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

function collect(value: unknown, path: string[]): unknown[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((item) => collect(item, path));
  if (!path.length) return [value];
  if (typeof value !== 'object') return [];
  return collect((value as Record<string, unknown>)[path[0]], path.slice(1));
}
