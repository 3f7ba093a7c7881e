import { IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { SpanInput } from '../common/span-input';
import { Position } from './stance.entity';

@InputType({
  description: "A source's position on a question. Setting it again replaces the stance: fields left out are cleared.",
})
export class SetStanceInput {
  @Field(() => ID)
  questionId: string;

  @Field(() => ID)
  sourceId: string;

  @Field(() => Position)
  position: Position;

  @Field(() => SpanInput, { nullable: true, description: "Where the position shows, in the source's article." })
  @IsOptional()
  @ValidateNested()
  evidence?: SpanInput | null;

  @Field(() => ID, { nullable: true, description: "A quote of the source's article that is the evidence." })
  quoteId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}
