import { IsDate, IsISO6391, IsOptional, IsString, IsUrl, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateTimeScalar } from '../common/scalars';

@InputType({
  description:
    "A correction of an article's metadata: a field left out stays as it is, null clears it. The body never changes (offsets point into it).",
})
export class UpdateArticleInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: 'Null leaves the title as it is: every article has one.' })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'title must not be empty' })
  @MaxLength(1000)
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'http(s) URL; another article with the same URL is a CONFLICT.' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'url must be an http(s) URL' })
  @MaxLength(2048)
  url?: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @IsOptional()
  @IsDate({ message: 'publishedAt must be a date and time, such as 2024-09-23T08:00:00Z' })
  publishedAt?: Date | null;

  @Field(() => ID, { nullable: true, description: 'Files the article under another outlet (see outlets).' })
  outletId?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 639-1 code, lower case: en, fr, uk.' })
  @IsOptional()
  @IsISO6391({ message: 'language must be an ISO 639-1 code such as en' })
  language?: string | null;
}
