import { ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { SpanInput } from '../common/span-input';

@InputType()
export class CreateMentionInput {
  @Field(() => ID)
  articleId: string;

  @Field(() => ID)
  actorId: string;

  @Field(() => SpanInput)
  @ValidateNested()
  span: SpanInput;
}
