// POST /export: the nodes of a query's first connection as CSV or NDJSON rows (every quote with its
// source when no query is given), paged through on the server and streamed, so that a million rows
// take constant memory. Each page runs through the same schema, limits and error handling as
// /graphql. Formats json, brat and webanno export whole annotated articles instead.
// An export is bounded (export-query's ExportLimits): a query whose rows would be too wide is
// refused before it runs; past maxRows, or at a row wider than the limits, the stream is cut. An
// NDJSON export then ends with one line `{"errors":[{message, extensions:{code, field}}]}` (a row's
// cells are always strings, never a list); a CSV one is cut short, so its transfer ends incomplete.
import { once } from 'node:events';
import { type Stringifier, stringify } from 'csv-stringify';
import express, { type Request, type Response, type Router } from 'express';
import {
  type DocumentNode,
  execute,
  type ExecutionResult,
  GraphQLError,
  type GraphQLSchema,
  specifiedRules,
  validate,
  type ValidationRule,
} from 'graphql';
import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import { callerOf } from '../auth/authenticate';
import type { Caller } from '../common/caller';
import { createContext } from '../common/context';
import { NODE_TYPES } from '../node-types';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';
import { formatError, isPoolWaitTimeout, POOL_BUSY_MESSAGE } from '../errors/format-error';
import { isArticleFormat, streamAnnotatedArticles } from './annotated-article-export';
import { drainedOrClosed } from './drained';
import { jsonBody } from '../limits/json-body';
import {
  AFTER_VARIABLE,
  csvRow,
  DEFAULT_EXPORT_LIMITS,
  type ExportLimits,
  type ExportPlan,
  flattenNode,
  parseExportQuery,
  planExport,
} from './export-query';

type Format = 'csv' | 'ndjson';

/** What a CSV or NDJSON export without a query holds: every quote with its source, its actor and its article. */
const DEFAULT_QUERY = `{
  quotes(orderBy: PUBLISHED_AT_DESC) {
    edges { node {
      id text kind origin confidence cue
      source {
        descriptor anonymity kind role
        actor { name kind wikidataId }
        affiliation { name kind wikidataId }
      }
      article { id title url publishedAt outlet { name } }
    } }
  }
}`;

interface Page {
  readonly nodes: unknown[];
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

function connectionAt(data: unknown, path: string[]): Page {
  let value = data;
  for (const key of path) {
    if (Array.isArray(value))
      throw AppError.badInput('the first connection of the query must not sit inside a list', 'query');
    value = (value as Record<string, unknown> | null)?.[key];
  }
  const connection = value as {
    edges?: { node: unknown }[];
    pageInfo?: { hasNextPage: boolean; endCursor: string | null };
  } | null;
  return {
    nodes: (connection?.edges ?? []).map((edge) => edge.node),
    hasNextPage: connection?.pageInfo?.hasNextPage ?? false,
    endCursor: connection?.pageInfo?.endCursor ?? null,
  };
}

function sendErrors(res: Response, status: number, errors: readonly Error[]): void {
  const formatted = errors.map((error) =>
    formatError(error instanceof GraphQLError ? error.toJSON() : { message: error.message }, error),
  );
  res.status(status).json({ errors: formatted });
}

/** Writes, and waits while the client reads slower than the database pages. */
async function write(stream: NodeJS.WritableStream, chunk: unknown, res: Response): Promise<void> {
  if (stream.write(chunk as string) || res.destroyed) return;
  await drainedOrClosed(stream, res);
}

/** What an export is held to besides the schema: its limits, and the checks /graphql makes of a query. */
export interface ExportRouterOptions {
  readonly limits?: Partial<ExportLimits>;
  /** Validation rules beyond graphql-js's own (depth, aliases, …), as /graphql runs them. */
  readonly validationRules?: readonly ValidationRule[];
  /**
   * Called with the query as it will run (paged) and the variables, after validation and before
   * the first page; throws to refuse it (a cost limit). A BAD_USER_INPUT refusal answers 400.
   */
  readonly checkQuery?: (document: DocumentNode, variables: Record<string, unknown> | undefined) => void;
}

export function createExportRouter(
  schema: GraphQLSchema,
  dataSource: DataSource,
  config: Config,
  options: ExportRouterOptions = {},
): Router {
  const router = express.Router();
  const services: ExportServices = {
    schema,
    dataSource,
    config,
    limits: { ...DEFAULT_EXPORT_LIMITS, ...options.limits },
    rules: [...specifiedRules, ...(options.validationRules ?? [])],
    checkQuery: options.checkQuery ?? (() => undefined),
  };
  // An export asks in a query and its variables: the read limit, whoever asks.
  const body = jsonBody(() => ({ bytes: config.maxReadRequestBytes, setting: 'MAX_READ_REQUEST_BYTES' }));
  router.post('/export', body, (req: Request, res: Response) => handleExport(req, res, services));
  return router;
}

/** What the router was built with, which every export runs against. */
interface ExportServices {
  readonly schema: GraphQLSchema;
  readonly dataSource: DataSource;
  readonly config: Config;
  readonly limits: ExportLimits;
  readonly rules: readonly ValidationRule[];
  readonly checkQuery: NonNullable<ExportRouterOptions['checkQuery']>;
}

/** One export request, checked and planned: everything a page needs to run. */
interface ExportJob extends ExportServices {
  readonly plan: ExportPlan;
  /** Who asked: each page runs as that key, as /graphql would. */
  readonly caller: Caller;
  readonly variables: Record<string, unknown> | undefined;
  readonly format: Format;
}

async function handleExport(req: Request, res: Response, services: ExportServices): Promise<void> {
  const {
    query = DEFAULT_QUERY,
    variables,
    format = 'csv',
  } = (req.body ?? {}) as { query?: unknown; variables?: Record<string, unknown>; format?: unknown };
  try {
    if (isArticleFormat(format)) {
      if ((req.body as { query?: unknown } | undefined)?.query !== undefined)
        throw AppError.badInput(`format ${format} exports whole articles: leave query out`, 'query');
      return await streamAnnotatedArticles(res, services.dataSource, format, services.config.maxPageSize);
    }
    if (format !== 'csv' && format !== 'ndjson')
      throw AppError.badInput('format must be csv, ndjson, json, brat or webanno', 'format');
    if (typeof query !== 'string') throw AppError.badInput('query must be a GraphQL query string', 'query');
    const document = parseExportQuery(query);
    // Validated before it is planned, so that planning only ever walks a valid query (no fragment cycle).
    const invalid = validationErrors(services, document);
    if (invalid.length) return sendErrors(res, 400, invalid);
    const plan = planExport(services.schema, document, services.config.maxPageSize, {
      limits: services.limits,
      variables,
    });
    const invalidPlan = validationErrors(services, plan.document);
    if (invalidPlan.length) return sendErrors(res, 400, invalidPlan);
    services.checkQuery(plan.document, variables);
    await streamExport(res, { ...services, plan, variables, format, caller: callerOf(res) });
  } catch (error) {
    failExport(res, error);
  }
}

/** A query checked against the schema, before any page runs, as /graphql would. */
function validationErrors(services: ExportServices, document: DocumentNode): GraphQLError[] {
  return validate(services.schema, document, services.rules).map((error) =>
    error.extensions.code
      ? error
      : new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
  );
}

/**
 * Runs the query page after page, writing each page's rows as it comes. Until the first page has
 * come back and been turned into rows nothing is sent, so its errors can still be a 400; later
 * ones can only cut the stream (see the top of this file).
 */
async function streamExport(res: Response, job: ExportJob): Promise<void> {
  const csv = job.format === 'csv' ? stringify({ header: true, columns: job.plan.columns }) : undefined;
  let after: string | null = null;
  let started = false;
  let written = 0;
  try {
    do {
      const result = await runPage(job, after);
      if (result.errors?.length) {
        if (!started) return sendErrors(res, 400, callerErrors(result));
        throw result.errors[0];
      }
      const page = connectionAt(result.data, job.plan.path);
      const nodes = page.nodes.slice(0, job.limits.maxRows - written);
      const rows = nodes.map((node) => rowOf(job, node));
      if (!started) {
        started = true;
        startResponse(res, job.format, csv);
      }
      await writeRows(res, csv, rows, job.plan.columns);
      written += rows.length;
      after = page.hasNextPage ? page.endCursor : null;
      if (nodes.length < page.nodes.length || (after && written >= job.limits.maxRows))
        throw AppError.badInput(
          `the export stopped at its limit of ${job.limits.maxRows} rows: narrow the query with a filter`,
          'query',
        );
    } while (after && !res.destroyed);
  } catch (error) {
    if (started && !csv && isCallerError(error)) return endWithError(res, error);
    throw error;
  }
  if (res.destroyed) return;
  await endResponse(res, csv);
}

function rowOf(job: ExportJob, node: unknown): string[] {
  return job.format === 'csv'
    ? csvRow(node, job.plan.columns, job.limits)
    : flattenNode(node, job.plan.columns, job.limits);
}

/** The caller's fault (a limit, a bad argument): BAD_USER_INPUT, whoever raised it. */
function isCallerError(error: unknown): error is GraphQLError {
  return error instanceof GraphQLError && error.extensions.code === ErrorCode.BadUserInput;
}

/** Ends an NDJSON export that was cut with the reason, as a GraphQL response would give it. */
function endWithError(res: Response, error: GraphQLError): void {
  if (res.destroyed) return;
  const formatted = formatError(error.toJSON(), error);
  res.end(`${JSON.stringify({ errors: [{ message: formatted.message, extensions: formatted.extensions }] })}\n`);
}

/** One page through the same execution (and context, with its limits) as /graphql. */
async function runPage(job: ExportJob, after: string | null): Promise<ExecutionResult> {
  return execute({
    schema: job.schema,
    document: job.plan.document,
    variableValues: { ...(job.variables ?? {}), [AFTER_VARIABLE]: after },
    contextValue: createContext(job.dataSource.manager, job.config, NODE_TYPES, { caller: job.caller }),
  });
}

/** Errors before any data (variables that do not fit the query) are the caller's. */
function callerErrors(result: ExecutionResult): readonly GraphQLError[] {
  const errors = result.errors ?? [];
  if (result.data !== undefined) return errors;
  return errors.map(
    (e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: ErrorCode.BadUserInput } }),
  );
}

function startResponse(res: Response, format: Format, csv: Stringifier | undefined): void {
  res.status(200).type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="export.${format}"`);
  csv?.pipe(res);
}

/** A page's rows: through the CSV stringifier, or as one JSON object a line. */
async function writeRows(
  res: Response,
  csv: Stringifier | undefined,
  rows: readonly string[][],
  columns: readonly string[],
): Promise<void> {
  for (const row of rows) {
    if (res.destroyed) return;
    if (csv) await write(csv, row, res);
    else await write(res, `${JSON.stringify(Object.fromEntries(columns.map((c, i) => [c, row[i]])))}\n`, res);
  }
}

/** Ends the response once the CSV stringifier has flushed its last rows into it. */
async function endResponse(res: Response, csv: Stringifier | undefined): Promise<void> {
  if (csv) {
    csv.end();
    await once(csv, 'end');
  } else {
    res.end();
  }
}

function failExport(res: Response, error: unknown): void {
  if (!res.headersSent) {
    if (isPoolWaitTimeout(error)) return sendErrors(res, 503, [new AppError(ErrorCode.Unavailable, POOL_BUSY_MESSAGE)]);
    const status = isCallerError(error) ? 400 : 500;
    return sendErrors(res, status, [error as Error]);
  }
  // Past the first rows the status is sent: cutting the stream tells the client it is incomplete.
  // A limit the caller reached is no failure of ours to log.
  if (!isCallerError(error)) console.error('quotegraph: export failed midway', error);
  res.destroy();
}
