// What a request may do, decided once its operation is known and before any resolver runs: every
// mutation needs an editor key (the key mutations an admin key), mutations are rate-limited per key
// and per address, and the articles one request imports are counted across all its aliases, so
// five aliased importArticles cannot carry five batches.
import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import { type FieldNode, Kind, type OperationDefinitionNode, OperationTypeNode, valueFromASTUntyped } from 'graphql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../config';
import type { Context } from '../common/context';
import { canActAs, Role } from '../common/role';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';

/** Root fields that need more than the default of their operation type. */
const ADMIN_FIELDS = new Set(['apiKeys', 'createApiKey', 'revokeApiKey']);

/** How many articles each import mutation brings; importArticles counts its inputs. */
const IMPORT_FIELDS: Record<string, ((field: FieldNode, variables: Record<string, unknown>) => number) | undefined> = {
  importArticle: () => 1,
  importAnnotationFile: () => 1,
  importArticles: (field, variables) => {
    const inputs = field.arguments?.find((arg) => arg.name.value === 'inputs');
    const value: unknown = inputs ? valueFromASTUntyped(inputs.value, variables) : undefined;
    return Array.isArray(value) ? value.length : 0;
  },
};

/** A coded error (formatError passes AppErrors through) that also sets the response's HTTP status. */
function refusal(code: ErrorCode, message: string, status: number, field?: string, details?: Record<string, unknown>) {
  const error = new AppError(code, message, field, details);
  Object.assign(error.extensions, { http: { status } });
  return error;
}

/** The operation's root fields, fragments on the root type included. */
function rootFields(operation: OperationDefinitionNode, request: GraphQLRequestContextDidResolveOperation<Context>) {
  const fields: FieldNode[] = [];
  const visit = (selections: OperationDefinitionNode['selectionSet']['selections']) => {
    for (const selection of selections) {
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet.selections);
      else {
        const fragment = request.document.definitions.find(
          (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value,
        );
        if (fragment?.kind === Kind.FRAGMENT_DEFINITION) visit(fragment.selectionSet.selections);
      }
    }
  };
  visit(operation.selectionSet.selections);
  return fields;
}

function checkRoles(fields: readonly FieldNode[], operation: OperationDefinitionNode, context: Context): void {
  const needed = fields.some((field) => ADMIN_FIELDS.has(field.name.value))
    ? Role.ADMIN
    : operation.operation === OperationTypeNode.MUTATION
      ? Role.EDITOR
      : null;
  if (needed === null || canActAs(context.caller.role, needed)) return;
  const what = needed === Role.ADMIN ? 'managing keys' : 'mutations';
  if (context.caller.role === null)
    throw refusal(
      ErrorCode.Unauthenticated,
      `${what} need an API key with the ${needed.toLowerCase()} role: send Authorization: Bearer <key>`,
      401,
    );
  throw refusal(
    ErrorCode.Forbidden,
    `${what} need the ${needed.toLowerCase()} role; this key is a ${context.caller.role.toLowerCase()} key`,
    403,
  );
}

function checkImportBudget(fields: readonly FieldNode[], variables: Record<string, unknown>, config: Config): void {
  const articles = fields.reduce((sum, field) => sum + (IMPORT_FIELDS[field.name.value]?.(field, variables) ?? 0), 0);
  if (articles > config.importMaxBatch)
    throw refusal(
      ErrorCode.BadUserInput,
      `one request may import at most ${config.importMaxBatch} articles, across all its fields; this one brings ${articles}: split it`,
      400,
      'inputs',
    );
}

export function accessPlugin(config: Config): ApolloServerPlugin<Context> {
  const perKey = new RateLimiterMemory({ points: config.mutationsPerMinutePerKey, duration: 60 });
  const perAddress = new RateLimiterMemory({ points: config.mutationsPerMinutePerAddress, duration: 60 });
  const consume = async (fields: number, context: Context) => {
    try {
      if (context.caller.keyId) await perKey.consume(context.caller.keyId, fields);
      if (context.clientAddress) await perAddress.consume(context.clientAddress, fields);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfterSeconds = Math.ceil(rejection.msBeforeNext / 1000);
      throw refusal(ErrorCode.RateLimited, `too many mutations: retry in ${retryAfterSeconds} s`, 429, undefined, {
        retryAfterSeconds,
      });
    }
  };
  return {
    requestDidStart: () =>
      Promise.resolve({
        async didResolveOperation(request) {
          const { operation } = request;
          if (!operation) return;
          const fields = rootFields(operation, request);
          checkRoles(fields, operation, request.contextValue);
          if (operation.operation !== OperationTypeNode.MUTATION) return;
          checkImportBudget(fields, request.request.variables ?? {}, config);
          await consume(fields.length, request.contextValue);
        },
      }),
  };
}
