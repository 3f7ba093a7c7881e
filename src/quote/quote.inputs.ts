import { IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { SpanInput } from '../common/span-input';
import { QuoteKind } from './quote.entity';

@InputType({ description: 'A quote at a span of the body; its text is read from the body, never sent.' })
export class CreateQuoteInput {
  @Field(() => ID)
  articleId: string;

  @Field(() => SpanInput)
  @ValidateNested()
  span: SpanInput;

  @Field(() => QuoteKind, { nullable: true, defaultValue: QuoteKind.DIRECT })
  kind?: QuoteKind | null;

  @Field(() => ID, { nullable: true, description: 'A source of the same article.' })
  sourceId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  cue?: string | null;
}

@InputType({ description: 'Fields left out stay as they are; sourceId or cue set to null are cleared.' })
export class UpdateQuoteInput {
  @Field(() => ID)
  id: string;

  @Field(() => SpanInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  span?: SpanInput | null;

  @Field(() => QuoteKind, { nullable: true })
  kind?: QuoteKind | null;

  @Field(() => ID, { nullable: true })
  sourceId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  cue?: string | null;
}
