import { Field, ID, InterfaceType } from 'type-graphql';

/** Relay's Node: every object with an identity answers `node(id:)` by its opaque global id. */
@InterfaceType('Node', { description: 'An object with an opaque global id, fetchable through `node(id:)`.' })
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global id: encodes the type and the row.' })
  id: string;
}
