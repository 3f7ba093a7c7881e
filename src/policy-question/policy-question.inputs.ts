import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

export const KEBAB_CASE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const KEBAB_MESSAGE = 'slug must be kebab-case: lower-case letters and digits joined by single hyphens';

@InputType()
export class CreatePolicyQuestionInput {
  @Field({ description: 'kebab-case, unique: long-range-strikes-inside-russia.' })
  @Matches(KEBAB_CASE, { message: KEBAB_MESSAGE })
  @MaxLength(200)
  slug: string;

  @Field()
  @IsString()
  @Matches(/\S/, { message: 'text must not be empty' })
  @MaxLength(2000)
  text: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  description?: string | null;
}

@InputType()
export class UpdatePolicyQuestionInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(KEBAB_CASE, { message: KEBAB_MESSAGE })
  @MaxLength(200)
  slug?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'text must not be empty' })
  @MaxLength(2000)
  text?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  description?: string | null;
}
