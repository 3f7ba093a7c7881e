// GraphQL's "Did you mean …?" hints name fields, arguments, types and enum values the caller did not
// ask for: with introspection off they would still map the schema, so production turns them off.
// (graphql-armor-block-field-suggestions is an Envelop plugin, which Apollo Server cannot load.)
import type { GraphQLFormattedError } from 'graphql';

// graphql-js ends a message with one hint: `Did you mean "title"?`, `Did you mean "a", "b", or "c"?`,
// `Did you mean the enum value "DIRECT"?`. Names cannot hold "?", so the hint ends at the first one.
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, '');
}

/** For formatError: the error as it is when suggestions are enabled, without its hints otherwise. */
export function suggestionsFilter(enabled: boolean): (formatted: GraphQLFormattedError) => GraphQLFormattedError {
  if (enabled) return (formatted) => formatted;
  return (formatted) => ({ ...formatted, message: withoutSuggestions(formatted.message) });
}
