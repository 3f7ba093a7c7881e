// The number of lexical tokens a document may hold, checked while it is parsed (graphql-js stops
// lexing at the limit), so that a huge document costs no more than a document at the limit.
import { GraphQLError, Lexer, type ParseOptions, Source, TokenKind } from 'graphql';
import { QueryLimitError } from './query-limit-error';

export interface TokenLimit {
  readonly maxTokens: number;
}

/** For Apollo Server's `parseOptions` and graphql-js `parse(source, options)`. */
export function tokenLimitParseOptions({ maxTokens }: TokenLimit): ParseOptions {
  return { maxLexicalTokens: maxTokens };
}

function tokensRefused(max: number): QueryLimitError {
  return new QueryLimitError('tokens', `the query has more tokens than the limit of ${max}`);
}

// graphql-js's own wording ("more that" in 16.x); the tests fail if an upgrade changes it.
const TOKEN_LIMIT_MESSAGE = /^Syntax Error: Document contains more tha[nt] (\d+) tokens\. Parsing aborted\.$/;

/** graphql-js's syntax error for a document over `maxLexicalTokens`, as the tokens limit's refusal. */
export function tokenLimitRefusalFrom(error: unknown): QueryLimitError | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  const match = TOKEN_LIMIT_MESSAGE.exec(error.message);
  return match ? tokensRefused(Number(match[1])) : undefined;
}

/**
 * Throws the tokens refusal when the source holds more than the limit, lexing no further than that.
 * For a caller that parses with graphql-js defaults (POST /export): call it on the text first.
 * A source that does not lex is left to the parser, which reports it in its own words.
 */
export function assertWithinTokenLimit(source: string, { maxTokens }: TokenLimit): void {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      count += 1;
      if (count > maxTokens) break;
    }
  } catch {
    return;
  }
  if (count > maxTokens) throw tokensRefused(maxTokens);
}
