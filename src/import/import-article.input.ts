import {
  ArrayMaxSize,
  IsBoolean,
  IsDate,
  IsFQDN,
  IsISO6391,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  registerDecorator,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { DateTimeScalar } from '../common/scalars';
import { AnnotationsInput } from './annotations.input';

const NOT_BLANK = /\S/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A publication date at most a day ahead (time zones, embargoes), never further. */
function NotLaterThanTomorrow(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'notLaterThanTomorrow',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'publishedAt must not be more than a day in the future', ...options },
      validator: { validate: (value: unknown) => !(value instanceof Date) || value.getTime() <= Date.now() + DAY_MS },
    });
}

@InputType({
  description: 'One article to import. The body is normalised (NFC, LF, no trailing spaces) before it is stored.',
})
export class ImportArticleInput {
  @Field(() => String, { nullable: true, description: 'http(s) URL; the identity of the article when given.' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'url must be an http(s) URL' })
  @MaxLength(2048)
  url?: string | null;

  @Field()
  @IsString()
  @Matches(NOT_BLANK, { message: 'title must not be empty' })
  @MaxLength(1000)
  title: string;

  @Field()
  @IsString()
  @Matches(NOT_BLANK, { message: 'body must not be empty' })
  body: string;

  @Field(() => DateTimeScalar, { nullable: true })
  @IsOptional()
  @IsDate({ message: 'publishedAt must be a date and time, such as 2024-09-23T08:00:00Z' })
  @NotLaterThanTomorrow()
  publishedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'ISO 639-1 code, lower case: en, fr, uk.' })
  @IsOptional()
  @IsISO6391({ message: 'language must be an ISO 639-1 code such as en' })
  language?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Matches(NOT_BLANK, { each: true, message: 'authors must not contain empty names' })
  authors?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The outlet's name. It wins over the URL's domain for a new article: when the outlet holding that domain has another name, the article goes to the outlet of this name and the payload carries a warning.",
  })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: 'outletName must not be empty' })
  @MaxLength(300)
  outletName?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The outlet's web domain, when the URL is not the outlet's own.",
  })
  @IsOptional()
  @IsFQDN({}, { message: 'outletDomain must be a domain name such as example.org' })
  outletDomain?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: true,
    description:
      'Run the extraction pipeline on the new article. With annotations, what it finds fills only what they leave out: a quote or mention where none of theirs overlaps.',
  })
  @IsOptional()
  @IsBoolean()
  extract?: boolean | null;

  @Field(() => AnnotationsInput, {
    nullable: true,
    description:
      'Annotations made elsewhere, written as they are (MANUAL, or EXTRACTED where an item says so) when the article is new.',
  })
  @IsOptional()
  @ValidateNested()
  annotations?: AnnotationsInput | null;
}
