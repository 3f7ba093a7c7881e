import { GraphQLScalarType } from 'graphql';
import { DateTimeResolver, JSONResolver } from 'graphql-scalars';

// The contract names the date scalar `DateTime` (type-graphql 2 would call it `DateTimeISO`).
export const DateTimeScalar: GraphQLScalarType = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  name: 'DateTime',
});
export const JSONScalar: GraphQLScalarType = JSONResolver;
