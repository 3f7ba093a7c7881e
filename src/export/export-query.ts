// Turns a researcher's GraphQL query into an export plan: the path to its first connection, the
// query rewritten to page through it (first = the page size, after = a cursor variable, pageInfo
// selected), and the columns: one per leaf field under the connection's nodes, as dotted paths.
// The plan also bounds what one row and one page can hold, since a node's nested lists multiply.
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
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

/** How much one CSV or NDJSON export may hold; see DEFAULT_EXPORT_LIMITS. */
export interface ExportLimits {
  /** Rows one export writes at most: past them it is cut, and says so (export.router). */
  readonly maxRows: number;
  /** Leaf fields under the node, fragments included. */
  readonly maxColumns: number;
  /** Values one cell may join with ";": what the nested lists above its leaf multiply to. */
  readonly maxCellValues: number;
  /** Values one row may hold, all its cells together. */
  readonly maxRowValues: number;
  /** Values one page may hold: pages get fewer nodes when each node holds more values. */
  readonly maxPageValues: number;
}

export const DEFAULT_EXPORT_LIMITS: ExportLimits = Object.freeze({
  maxRows: 1_000_000,
  maxColumns: 200,
  maxCellValues: 1_000,
  maxRowValues: 10_000,
  maxPageValues: 200_000,
});

/** Fields (fragments expanded) planning looks at, and how deep, before it gives up on a query. */
const MAX_PLANNED_SELECTIONS = 10_000;
const MAX_PLANNED_DEPTH = 64;

export interface ExportPlan {
  readonly document: DocumentNode;
  /** Response keys from data down to the connection. */
  readonly path: string[];
  readonly columns: string[];
  /** Nodes a page asks for: the configured page size, less when each node holds many values. */
  readonly pageSize: number;
}

function isConnection(type: unknown): type is GraphQLObjectType {
  return isObjectType(type) && 'edges' in type.getFields() && 'pageInfo' in type.getFields();
}

const field = (name: string, selections?: FieldNode[]): FieldNode => ({
  kind: Kind.FIELD,
  name: { kind: Kind.NAME, value: name },
  ...(selections ? { selectionSet: { kind: Kind.SELECTION_SET, selections } } : {}),
});

/** A column and the most values one row's cell can hold, as far as the query's `first` arguments tell. */
interface PlannedColumn {
  readonly path: string;
  readonly values: number;
}

/** What planning the columns reads, and the selections it may still visit. */
interface ColumnWalk {
  readonly schema: GraphQLSchema;
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly maxPageSize: number;
  selectionsLeft: number;
}

/** Where a selection set is, in the walk: the type it selects on, its path prefix and what it multiplies by. */
interface ColumnScope {
  readonly type: GraphQLNamedType | undefined;
  readonly prefix: string;
  readonly values: number;
  /** Inside a connection: how many edges its `first` asks for. */
  readonly edges?: number;
  readonly depth: number;
}

const tooComplex = () =>
  AppError.badInput('query selects too many fields for an export, fragments expanded: select fewer', 'query');

/**
 * The leaf fields of a selection as dotted paths (aliases respected, fragments expanded), each with
 * the values a row's cell can hold: the product of the `first` of the connections above it. Plain
 * lists count once here; the rows are checked again as they are written.
 */
function plannedColumns(
  walk: ColumnWalk,
  selectionSet: SelectionSetNode | undefined,
  scope: ColumnScope,
): PlannedColumn[] {
  if (scope.depth > MAX_PLANNED_DEPTH) throw tooComplex();
  const columns: PlannedColumn[] = [];
  for (const selection of selectionSet?.selections ?? []) {
    walk.selectionsLeft -= 1;
    if (walk.selectionsLeft < 0) throw tooComplex();
    const depth = scope.depth + 1;
    if (selection.kind === Kind.FIELD) {
      const key = `${scope.prefix}${selection.alias?.value ?? selection.name.value}`;
      if (!selection.selectionSet) columns.push({ path: key, values: scope.values });
      else columns.push(...plannedColumns(walk, selection.selectionSet, fieldScope(walk, selection, scope, key)));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : scope.type;
      columns.push(...plannedColumns(walk, selection.selectionSet, { ...scope, type, depth }));
    } else {
      const fragment = walk.fragments.get(selection.name.value);
      const type = fragment && walk.schema.getType(fragment.typeCondition.name.value);
      columns.push(...plannedColumns(walk, fragment?.selectionSet, { ...scope, type, depth }));
    }
  }
  return columns;
}

/** The scope under a field with a selection: its type, and how many values each of its parent's becomes. */
function fieldScope(walk: ColumnWalk, field: FieldNode, scope: ColumnScope, key: string): ColumnScope {
  const parent = scope.type;
  const definition = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[field.name.value] : undefined;
  const type = definition ? getNamedType(definition.type) : undefined;
  const isList = definition ? isListType(getNullableType(definition.type)) : false;
  // A connection's edges are as many as its `first`; another list's length is known only from the data.
  const factor = isList && field.name.value === 'edges' && scope.edges !== undefined ? scope.edges : 1;
  return {
    type,
    prefix: `${key}.`,
    values: scope.values * factor,
    edges: isConnection(type) ? connectionFirst(walk, field, definition?.args ?? []) : undefined,
    depth: scope.depth + 1,
  };
}

/** The `first` a nested connection asks for: its argument, its variable, its default, else a whole page. */
function connectionFirst(
  walk: ColumnWalk,
  field: FieldNode,
  args: readonly { name: string; defaultValue?: unknown }[],
): number {
  const argument = field.arguments?.find((a) => a.name.value === 'first')?.value;
  let first: unknown = args.find((a) => a.name === 'first')?.defaultValue;
  if (argument?.kind === Kind.INT) first = Number(argument.value);
  else if (argument?.kind === Kind.VARIABLE) first = walk.variables[argument.name.value] ?? first;
  return typeof first === 'number' && Number.isInteger(first) && first >= 0
    ? Math.min(first, walk.maxPageSize)
    : walk.maxPageSize;
}

/** One column per path (two fragments may select the same one), keeping the most values either allows. */
function distinctColumns(columns: readonly PlannedColumn[]): PlannedColumn[] {
  const byPath = new Map<string, number>();
  for (const column of columns) byPath.set(column.path, Math.max(byPath.get(column.path) ?? 0, column.values));
  return [...byPath].map(([path, values]) => ({ path, values }));
}

/** Refuses, before any page runs, a query whose rows would hold more than the limits allow. */
function checkColumns(columns: readonly PlannedColumn[], limits: ExportLimits): void {
  if (columns.length > limits.maxColumns)
    throw AppError.badInput(
      `query selects ${columns.length} fields under the node; an export takes at most ${limits.maxColumns}`,
      'query',
    );
  const widest = columns.reduce((a, b) => (b.values > a.values ? b : a), columns[0]);
  if (widest && widest.values > limits.maxCellValues)
    throw AppError.badInput(
      `the column ${widest.path} can join ${widest.values} values a row (its connections' first multiplied); an export takes at most ${limits.maxCellValues}: ask for fewer with first`,
      'query',
    );
  const rowValues = columns.reduce((sum, column) => sum + column.values, 0);
  if (rowValues > limits.maxRowValues)
    throw AppError.badInput(
      `a row can hold ${rowValues} values (its connections' first multiplied); an export takes at most ${limits.maxRowValues}: ask for fewer with first`,
      'query',
    );
}

export interface PlanOptions {
  readonly limits?: ExportLimits;
  /** The request's variables, for the `first` a nested connection takes from one. */
  readonly variables?: Readonly<Record<string, unknown>>;
}

/**
 * Plans the export of a query. `maxPageSize` is the configured page size, which is also the most
 * any nested connection returns. Validate a parsed query against the schema first (the router
 * does), so that a fragment cycle is a validation error; planning itself gives up on one (too deep).
 */
export function planExport(
  schema: GraphQLSchema,
  query: string | DocumentNode,
  maxPageSize: number,
  options: PlanOptions = {},
): ExportPlan {
  const document = typeof query === 'string' ? parseExportQuery(query) : query;
  const limits = options.limits ?? DEFAULT_EXPORT_LIMITS;
  const connection = findFirstConnection(schema, document);
  const walk: ColumnWalk = {
    schema,
    fragments: fragmentsOf(document),
    variables: options.variables ?? {},
    maxPageSize,
    selectionsLeft: MAX_PLANNED_SELECTIONS,
  };
  const nodeScope = { type: connection.nodeType, prefix: '', values: 1, depth: 0 };
  const columns = distinctColumns(plannedColumns(walk, selectedNodeFields(connection.node), nodeScope));
  checkColumns(columns, limits);
  const rowValues = Math.max(
    1,
    columns.reduce((sum, column) => sum + column.values, 0),
  );
  const pageSize = Math.max(1, Math.min(maxPageSize, Math.floor(limits.maxPageValues / rowValues)));
  return {
    document: withoutUnusedVariables(withPaging(document, connection.node, pageSize)),
    path: connection.path,
    columns: columns.map((column) => column.path),
    pageSize,
  };
}

/** Parses the query; an export pages through one query operation, so it must hold exactly that. */
export function parseExportQuery(query: string): DocumentNode {
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
  /** The type of the connection's edges' node. */
  readonly nodeType: GraphQLNamedType | undefined;
}

/** The type a connection's edges { node } has. */
function nodeTypeOf(connection: GraphQLObjectType): GraphQLNamedType | undefined {
  const edge = getNamedType(connection.getFields().edges.type);
  return isObjectType(edge) ? getNamedType(edge.getFields().node?.type) : undefined;
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
          const type = getNamedType(typeInfo.getType());
          if (!found && isConnection(type)) found = { node, path: [...stack], nodeType: nodeTypeOf(type) };
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

/** The named fragments, so that columns include the fields a node takes through them. */
function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  return new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
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

/** The limits a row is held to as it is written; plain lists are only known then. */
export type RowLimits = Pick<ExportLimits, 'maxCellValues' | 'maxRowValues'>;

/** Each column's values of a node (nulls left out), refusing a node that holds more than the limits allow. */
function cellValues(node: unknown, columns: readonly string[], limits: RowLimits): unknown[][] {
  let rowValues = 0;
  return columns.map((column) => {
    const values: unknown[] = [];
    collect(node, column.split('.'), 0, values, limits.maxCellValues, column);
    rowValues += values.length;
    if (rowValues > limits.maxRowValues)
      throw AppError.badInput(
        `a row holds more than ${limits.maxRowValues} values: select fewer fields or ask for fewer with first`,
        'query',
      );
    return values;
  });
}

/** A node as one row: nested fields under dotted names, lists joined with ";". */
export function flattenNode(
  node: unknown,
  columns: readonly string[],
  limits: RowLimits = DEFAULT_EXPORT_LIMITS,
): string[] {
  return cellValues(node, columns, limits).map((values) => values.map(cellText).join(';'));
}

// What spreadsheets read as the start of a formula (OWASP, CSV injection): = + - @, tab, CR.
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell a spreadsheet would run as a formula, with an apostrophe before it, which makes it text. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * A node as one CSV row: as flattenNode, with every cell that could start a formula neutralised.
 * A cell of numbers only (-1.5, or -1;2) is left as it is: a number cannot hold a formula, and
 * a spreadsheet should still read it as a number.
 */
export function csvRow(node: unknown, columns: readonly string[], limits: RowLimits = DEFAULT_EXPORT_LIMITS): string[] {
  return cellValues(node, columns, limits).map((values) => {
    const text = values.map(cellText).join(';');
    return values.every((value) => typeof value === 'number') ? text : neutraliseFormula(text);
  });
}

/** A leaf as text; DateTime values as ISO 8601, as GraphQL responses write them. */
function cellText(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

/** Adds the leaves at `path` under `value` to `into`, lists flattened, stopping past `max` of them. */
function collect(value: unknown, path: readonly string[], depth: number, into: unknown[], max: number, column: string) {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, path, depth, into, max, column);
    return;
  }
  if (depth === path.length) {
    into.push(value);
    if (into.length > max)
      throw AppError.badInput(
        `the column ${column} joins more than ${max} values in one row: ask for fewer with first`,
        'query',
      );
    return;
  }
  if (typeof value === 'object')
    collect((value as Record<string, unknown>)[path[depth]], path, depth + 1, into, max, column);
}
