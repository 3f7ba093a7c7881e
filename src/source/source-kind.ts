// The kind a source gets when nobody says: the kind of the actor it is, else a person (the
// common case, and the only one an anonymous source without a descriptor analysis can assume).
import { ActorKind } from '../actor/actor.entity';
import { Anonymity, SourceKind } from './source.entity';

const SOURCE_KIND_OF_ACTOR_KIND: Record<ActorKind, SourceKind> = {
  [ActorKind.PERSON]: SourceKind.PERSON,
  [ActorKind.GROUP]: SourceKind.GROUP,
  [ActorKind.ORGANIZATION]: SourceKind.ORGANIZATION,
  [ActorKind.STATE]: SourceKind.ORGANIZATION,
  [ActorKind.MEDIA]: SourceKind.ORGANIZATION,
};

export function defaultSourceKind(anonymity: Anonymity, actorKind: ActorKind | null | undefined): SourceKind {
  if (anonymity === Anonymity.ANONYMOUS || !actorKind) return SourceKind.PERSON;
  return SOURCE_KIND_OF_ACTOR_KIND[actorKind];
}
