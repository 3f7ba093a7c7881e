// Every GraphQL type `node(id:)` serves, as each feature registers it.
import { actorNodeType } from './actor/actor.loaders';
import { articleNodeType } from './article/article.loaders';
import type { NodeType } from './common/node-type';
import { mentionNodeType } from './mention/mention.loaders';
import { outletNodeType } from './outlet/outlet.loaders';
import { policyQuestionNodeType } from './policy-question/policy-question.loaders';
import { quoteNodeType } from './quote/quote.loaders';
import { revisionNodeType } from './revision/revision.loaders';
import { sourceNodeType } from './source/source.loaders';
import { stanceNodeType } from './stance/stance.loaders';

export const NODE_TYPES: ReadonlyMap<string, NodeType> = new Map(
  [
    articleNodeType,
    outletNodeType,
    actorNodeType,
    sourceNodeType,
    quoteNodeType,
    mentionNodeType,
    policyQuestionNodeType,
    stanceNodeType,
    revisionNodeType,
  ].map((type) => [type.typeName, type]),
);
