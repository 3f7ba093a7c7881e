import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'An actor pruneOrphanActors deleted.' })
export class PrunedActor {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;
}

@ObjectType()
export class PrunePayload {
  @Field(() => Int)
  count: number;

  @Field(() => [PrunedActor], { description: 'By name.' })
  actors: PrunedActor[];
}
