import { ArrayMaxSize, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ActorKind } from './actor.entity';

export const WIKIDATA_ID = /^Q[1-9][0-9]*$/;

@InputType()
export class CreateActorInput {
  @Field()
  @IsString()
  @Matches(/\S/, { message: 'name must not be empty' })
  @MaxLength(300)
  name: string;

  @Field(() => ActorKind)
  kind: ActorKind;

  @Field(() => [String], {
    nullable: true,
    description: 'Other names; each may belong to one actor only (case and accents ignored).',
  })
  @IsOptional()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @Matches(/\S/, { each: true, message: 'aliases must not contain empty names' })
  @MaxLength(300, { each: true })
  aliases?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  description?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(WIKIDATA_ID, { message: 'wikidataId must be a Wikidata item id such as Q3874799' })
  wikidataId?: string | null;

  @Field(() => ID, { nullable: true })
  affiliationId?: string | null;

  @Field(() => [ID], { nullable: true })
  memberOfIds?: string[] | null;
}

@InputType({ description: 'Fields left out stay as they are; aliases and memberOfIds, when given, replace the lists.' })
export class UpdateActorInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'name must not be empty' })
  @MaxLength(300)
  name?: string | null;

  @Field(() => ActorKind, { nullable: true })
  kind?: ActorKind | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @Matches(/\S/, { each: true, message: 'aliases must not contain empty names' })
  @MaxLength(300, { each: true })
  aliases?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  description?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(WIKIDATA_ID, { message: 'wikidataId must be a Wikidata item id such as Q3874799' })
  wikidataId?: string | null;

  @Field(() => ID, { nullable: true })
  affiliationId?: string | null;

  @Field(() => [ID], { nullable: true })
  memberOfIds?: string[] | null;
}
