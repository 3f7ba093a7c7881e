// POST /export: the nodes of a query's first connection as CSV or NDJSON rows, paged through on
// the server and streamed, so that a million rows take constant memory. Each page runs through
// the same schema, limits and error handling as /graphql.
import { once } from 'node:events';
import { stringify } from 'csv-stringify';
import express, { type Request, type Response, type Router } from 'express';
import { execute, GraphQLError, type GraphQLSchema, validate } from 'graphql';
import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import { createContext } from '../common/context';
import { NODE_TYPES } from '../node-types';
import { AppError } from '../errors/app-error';
import { formatError } from '../errors/format-error';
import { AFTER_VARIABLE, flattenNode, planExport } from './export-query';

type Format = 'csv' | 'ndjson';

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

/**
 * Writes and waits while the client reads slower than the database pages, or until the client
 * goes away (then the loop sees the response destroyed and stops paging).
 */
async function write(stream: NodeJS.WritableStream, chunk: unknown, res: Response): Promise<void> {
  if (stream.write(chunk as string) || res.destroyed) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      stream.removeListener('drain', done);
      res.removeListener('close', done);
      resolve();
    };
    stream.once('drain', done);
    res.once('close', done);
  });
}

export function createExportRouter(schema: GraphQLSchema, dataSource: DataSource, config: Config): Router {
  const router = express.Router();
  router.post('/export', express.json({ limit: config.maxRequestBytes }), async (req: Request, res: Response) => {
    const {
      query,
      variables,
      format = 'csv',
    } = (req.body ?? {}) as { query?: unknown; variables?: Record<string, unknown>; format?: Format };
    try {
      if (typeof query !== 'string') throw AppError.badInput('query must be a GraphQL query string', 'query');
      if (format !== 'csv' && format !== 'ndjson') throw AppError.badInput('format must be csv or ndjson', 'format');
      const plan = planExport(schema, query, config.maxPageSize);
      const invalid = validate(schema, plan.document).map(
        (error) =>
          new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
      );
      if (invalid.length) return sendErrors(res, 400, invalid);

      let after: string | null = null;
      let started = false;
      const csv = format === 'csv' ? stringify({ header: true, columns: plan.columns }) : undefined;
      do {
        const result = await execute({
          schema,
          document: plan.document,
          variableValues: { ...(variables ?? {}), [AFTER_VARIABLE]: after },
          contextValue: createContext(dataSource.manager, config, NODE_TYPES),
        });
        if (result.errors?.length) {
          // Errors before any data (variables that do not fit the query) are the caller's.
          const errors =
            result.data === undefined
              ? result.errors.map(
                  (e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'BAD_USER_INPUT' } }),
                )
              : result.errors;
          if (!started) return sendErrors(res, 400, errors);
          throw result.errors[0];
        }
        const page = connectionAt(result.data, plan.path);
        if (!started) {
          started = true;
          res.status(200).type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
          res.setHeader('Content-Disposition', `attachment; filename="export.${format}"`);
          csv?.pipe(res);
        }
        for (const node of page.nodes) {
          if (res.destroyed) break;
          const row = flattenNode(node, plan.columns);
          if (csv) await write(csv, row, res);
          else
            await write(res, `${JSON.stringify(Object.fromEntries(plan.columns.map((c, i) => [c, row[i]])))}\n`, res);
        }
        after = page.hasNextPage ? page.endCursor : null;
      } while (after && !res.destroyed);
      if (res.destroyed) return;
      if (csv) {
        csv.end();
        await once(csv, 'end');
      } else {
        res.end();
      }
    } catch (error) {
      if (!res.headersSent)
        return sendErrors(res, error instanceof AppError && error.code === 'BAD_USER_INPUT' ? 400 : 500, [
          error as Error,
        ]);
      // Past the first rows the status is sent: cutting the stream tells the client it is incomplete.
      console.error('quotegraph: export failed midway', error);
      res.destroy(error as Error);
    }
  });
  return router;
}
