// The annotations an import may bring (`ImportArticleInput.annotations`): the GraphQL shape of
// `AnnotationsData`. Shapes are checked here; keys, references and spans against the body are
// checked by `prepareAnnotations`, which names the path of each problem.
import {
  ArrayMaxSize,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, Float, InputType, registerEnumType } from 'type-graphql';
import { ActorKind } from '../actor/actor.entity';
import { WIKIDATA_ID } from '../actor/actor.inputs';
import { SpanInput } from '../common/span-input';
import { KEBAB_CASE, KEBAB_MESSAGE } from '../policy-question/policy-question.inputs';
import { AttributionMethod, QuoteKind } from '../quote/quote.entity';
import { Anonymity, SourceKind } from '../source/source.entity';
import { Position } from '../stance/stance.entity';
import {
  type ActorData,
  type ActorRefData,
  type AnnotationsData,
  type ExtractedData,
  type MentionData,
  OffsetUnit,
  type QuoteData,
  type SourceData,
  type StanceData,
} from './annotated-article';

registerEnumType(OffsetUnit, {
  name: 'OffsetUnit',
  description: 'What the offsets of imported spans count.',
  valuesConfig: {
    CODE_POINT: { description: 'Unicode code points: Python, brat, the Web Annotation model, Quotegraph itself.' },
    UTF16: { description: 'UTF-16 code units: JavaScript, browsers, Hypothesis.' },
    UTF8: { description: 'Bytes of UTF-8.' },
  },
});

const NOT_BLANK = /\S/;
const WIKIDATA_MESSAGE = 'wikidataId must be a Wikidata item id such as Q3874799';
/** Enough for the longest article's annotations; a bound, so that one input cannot ask for unbounded work. */
const MAX_RECORDS = 5000;

@InputType({ description: 'Marks a row an extractor wrote (EXTRACTED); rows without it are MANUAL.' })
export class ExtractedInput implements ExtractedData {
  @Field()
  @IsString()
  @Matches(NOT_BLANK, { message: 'extractor must not be empty' })
  @MaxLength(200)
  extractor: string;

  @Field()
  @IsString()
  @Matches(NOT_BLANK, { message: 'version must not be empty' })
  @MaxLength(100)
  version: string;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  confidence: number;
}

@InputType({
  description:
    'An actor by exactly one of: the key of an `annotations.actors` entry, a name (resolved like extraction resolves names, or created), or the Wikidata id of a known actor.',
})
export class ActorRefInput implements ActorRefData {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  key?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: 'name must not be empty' })
  @MaxLength(300)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(WIKIDATA_ID, { message: WIKIDATA_MESSAGE })
  wikidataId?: string | null;
}

@InputType({
  description:
    'An actor, found among the known ones (Wikidata id first, then name or alias, as extraction resolves names) or created.',
})
export class ActorAnnotationInput implements ActorData {
  @Field({ description: 'Local to this input: what `actor`, `affiliation` and `memberOf` refer to.' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'key must not be empty' })
  @MaxLength(200)
  key: string;

  @Field()
  @IsString()
  @Matches(NOT_BLANK, { message: 'name must not be empty' })
  @MaxLength(300)
  name: string;

  @Field(() => ActorKind)
  @IsIn(Object.values(ActorKind))
  kind: ActorKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Matches(NOT_BLANK, { each: true, message: 'aliases must not contain empty names' })
  @MaxLength(300, { each: true })
  aliases?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(WIKIDATA_ID, { message: WIKIDATA_MESSAGE })
  wikidataId?: string | null;

  @Field(() => String, { nullable: true, description: 'The key of the actor this one is affiliated with.' })
  @IsOptional()
  @IsString()
  affiliation?: string | null;

  @Field(() => [String], { nullable: true, description: 'Keys of the organisations this actor is a member of.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  memberOf?: string[] | null;
}

@InputType({ description: 'Who an article cites: named or anonymous, a person, group, organisation or document.' })
export class SourceAnnotationInput implements SourceData {
  @Field({ description: 'Local to this input: what quotes and stances refer to.' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'key must not be empty' })
  @MaxLength(200)
  key: string;

  @Field({ description: 'How the article names the source: "a senior Ukrainian official", "Zelensky".' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'descriptor must not be empty' })
  @MaxLength(1000)
  descriptor: string;

  @Field(() => SpanInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  span?: SpanInput | null;

  @Field(() => Anonymity)
  @IsIn(Object.values(Anonymity))
  anonymity: Anonymity;

  @Field(() => SourceKind, { nullable: true, description: "When left out: the actor's kind, else PERSON." })
  @IsOptional()
  @IsIn(Object.values(SourceKind))
  kind?: SourceKind | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  role?: string | null;

  @Field(() => ActorRefInput, { nullable: true, description: 'The actor the source is.' })
  @IsOptional()
  @ValidateNested()
  actor?: ActorRefInput | null;

  @Field(() => ActorRefInput, { nullable: true, description: 'The state or organisation the source speaks for.' })
  @IsOptional()
  @ValidateNested()
  affiliation?: ActorRefInput | null;

  @Field(() => ExtractedInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  extracted?: ExtractedInput | null;
}

@InputType({ description: 'A direct quotation or a paraphrase at a span of the body.' })
export class QuoteAnnotationInput implements QuoteData {
  @Field(() => String, { nullable: true, description: 'Local to this input: what a stance may cite as evidence.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  key?: string | null;

  @Field(() => SpanInput)
  @ValidateNested()
  span: SpanInput;

  @Field(() => QuoteKind)
  @IsIn(Object.values(QuoteKind))
  kind: QuoteKind;

  @Field(() => String, { nullable: true, description: 'The key of a source in `annotations.sources`.' })
  @IsOptional()
  @IsString()
  source?: string | null;

  @Field(() => String, { nullable: true, description: 'The reporting verb; when left out, the text at cueSpan.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  cue?: string | null;

  @Field(() => SpanInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  cueSpan?: SpanInput | null;

  @Field(() => AttributionMethod, { nullable: true, description: 'Kept for EXTRACTED quotes only.' })
  @IsOptional()
  @IsIn(Object.values(AttributionMethod))
  attributionMethod?: AttributionMethod | null;

  @Field(() => ExtractedInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  extracted?: ExtractedInput | null;
}

@InputType({ description: 'A span of the body that names an actor.' })
export class MentionAnnotationInput implements MentionData {
  @Field(() => ActorRefInput)
  @ValidateNested()
  actor: ActorRefInput;

  @Field(() => SpanInput)
  @ValidateNested()
  span: SpanInput;

  @Field(() => ExtractedInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  extracted?: ExtractedInput | null;
}

@InputType({ description: "A source's position on a policy question, with its evidence." })
export class StanceAnnotationInput implements StanceData {
  @Field({ description: "The policy question's slug." })
  @Matches(KEBAB_CASE, { message: KEBAB_MESSAGE.replace('slug', 'question') })
  @MaxLength(200)
  question: string;

  @Field(() => String, { nullable: true, description: 'The question itself: needed when the slug is new.' })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: 'questionText must not be empty' })
  @MaxLength(1000)
  questionText?: string | null;

  @Field({ description: 'The key of a source in `annotations.sources`.' })
  @IsString()
  source: string;

  @Field(() => Position)
  @IsIn(Object.values(Position))
  position: Position;

  @Field(() => SpanInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  evidence?: SpanInput | null;

  @Field(() => String, {
    nullable: true,
    description: 'The key of the quote the evidence is; evidence left out is then its span.',
  })
  @IsOptional()
  @IsString()
  quote?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;

  @Field(() => ExtractedInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  extracted?: ExtractedInput | null;
}

@InputType({
  description:
    "An article's annotations, tied together by keys local to the input. Spans count `offsets` units of the body exactly as sent; they are converted to code points of the stored (normalised) body.",
})
export class AnnotationsInput implements AnnotationsData {
  @Field(() => OffsetUnit, { nullable: true, defaultValue: OffsetUnit.CODE_POINT })
  @IsOptional()
  @IsIn(Object.values(OffsetUnit))
  offsets?: OffsetUnit | null;

  @Field(() => [ActorAnnotationInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_RECORDS)
  @ValidateNested({ each: true })
  actors?: ActorAnnotationInput[] | null;

  @Field(() => [SourceAnnotationInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_RECORDS)
  @ValidateNested({ each: true })
  sources?: SourceAnnotationInput[] | null;

  @Field(() => [QuoteAnnotationInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_RECORDS)
  @ValidateNested({ each: true })
  quotes?: QuoteAnnotationInput[] | null;

  @Field(() => [MentionAnnotationInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_RECORDS)
  @ValidateNested({ each: true })
  mentions?: MentionAnnotationInput[] | null;

  @Field(() => [StanceAnnotationInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_RECORDS)
  @ValidateNested({ each: true })
  stances?: StanceAnnotationInput[] | null;
}
