import { ActorAlias } from '../actor/actor-alias.entity';
import { ApiKey } from '../auth/api-key.entity';
import { ActorMembership } from '../actor/actor-membership.entity';
import { Actor } from '../actor/actor.entity';
import { Article } from '../article/article.entity';
import { Mention } from '../mention/mention.entity';
import { Outlet } from '../outlet/outlet.entity';
import { PolicyQuestion } from '../policy-question/policy-question.entity';
import { Revision } from '../revision/revision.entity';
import { Quote } from '../quote/quote.entity';
import { Source } from '../source/source.entity';
import { Stance } from '../stance/stance.entity';

export const entities = [
  Outlet,
  Article,
  Actor,
  ActorAlias,
  ActorMembership,
  Source,
  Quote,
  Mention,
  PolicyQuestion,
  Stance,
  Revision,
  ApiKey,
];
