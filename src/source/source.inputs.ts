import { IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { SpanInput } from '../common/span-input';
import { Anonymity, SourceKind } from './source.entity';

@InputType()
export class CreateSourceInput {
  @Field(() => ID)
  articleId: string;

  @Field({ description: 'The noun phrase as written, without the reporting verb.' })
  @IsString()
  @Matches(/\S/, { message: 'descriptor must not be empty' })
  @MaxLength(500)
  descriptor: string;

  @Field(() => Anonymity)
  anonymity: Anonymity;

  @Field(() => SourceKind, {
    nullable: true,
    description:
      "Defaults to the linked actor's kind (ORGANIZATION for an organisation, state or media, GROUP for a group), else PERSON.",
  })
  kind?: SourceKind | null;

  @Field(() => SpanInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  span?: SpanInput | null;

  @Field(() => ID, { nullable: true, description: 'The actor a named source is.' })
  actorId?: string | null;

  @Field(() => ID, { nullable: true })
  affiliationId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  role?: string | null;
}

@InputType({ description: 'Fields left out stay as they are; nullable fields set to null are cleared.' })
export class UpdateSourceInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'descriptor must not be empty' })
  @MaxLength(500)
  descriptor?: string | null;

  @Field(() => Anonymity, { nullable: true })
  anonymity?: Anonymity | null;

  @Field(() => SourceKind, { nullable: true })
  kind?: SourceKind | null;

  @Field(() => SpanInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  span?: SpanInput | null;

  @Field(() => ID, { nullable: true })
  actorId?: string | null;

  @Field(() => ID, { nullable: true })
  affiliationId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  role?: string | null;
}
