// Tells each query's loaders which fields it asks for (see selected-fields.ts). Mutations read
// every column: their services load rows for their own checks, not only for the answer.
import type { ApolloServerPlugin } from '@apollo/server';
import { OperationTypeNode } from 'graphql';
import type { Context } from './context';
import { fieldsByType } from './selected-fields';

export function selectionPlugin(): ApolloServerPlugin<Context> {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ document, operation, schema, contextValue }) => {
        if (operation?.operation === OperationTypeNode.QUERY)
          contextValue.selection.fields = fieldsByType(schema, document);
      },
    }),
  };
}
