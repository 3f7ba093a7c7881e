import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Article } from '../article/article.entity';
import { Annotation } from '../common/annotation';
import { Node } from '../common/node.interface';
import { SEARCH_CONFIGURATION } from '../database/search-configuration';
import { Source } from '../source/source.entity';

export enum QuoteKind {
  DIRECT = 'DIRECT',
  PARAPHRASE = 'PARAPHRASE',
}

registerEnumType(QuoteKind, {
  name: 'QuoteKind',
  description: 'DIRECT: words in quotation marks (the span excludes the marks). PARAPHRASE: reported speech.',
});

/** How an extractor found a quote's source, so researchers can keep the sure ways apart from the guesses. */
export enum AttributionMethod {
  CUE = 'CUE',
  NEIGHBOUR = 'NEIGHBOUR',
  PRONOUN = 'PRONOUN',
  CONTINUATION = 'CONTINUATION',
  REPORTED = 'REPORTED',
  NONE = 'NONE',
}

registerEnumType(AttributionMethod, {
  name: 'AttributionMethod',
  description: 'How an extractor attributed a quote to its source.',
  valuesConfig: {
    CUE: { description: 'A reporting verb in the same sentence names the speaker: "…," Biden said.' },
    NEIGHBOUR: { description: 'The speaker is named in the neighbouring sentence.' },
    PRONOUN: { description: 'Through a pronoun ("he said") resolved to an earlier named person.' },
    CONTINUATION: { description: 'Carried over from the previous quote of the same paragraph.' },
    REPORTED: { description: 'A paraphrase: the speaker is the subject of its reporting clause.' },
    NONE: { description: 'No speaker was found.' },
  },
});

@Entity({ name: 'quotes' })
@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description: 'A direct quotation or a paraphrase, anchored to a span of the body and attributed to a source.',
})
@Unique('UQ_quotes_id_article_id', ['id', 'articleId'])
@Index('IDX_quotes_article_id_span_start', ['articleId', 'spanStart', 'id'])
// (source_id, article_id): quoteStats counts per article over a filter on sources from the index alone.
@Index('IDX_quotes_source_id_article_id', ['sourceId', 'articleId'])
@Index('IDX_quotes_origin', ['origin'])
// (COALESCE(confidence, 1), id): the CONFIDENCE_DESC order, MANUAL rows counting as certain.
@Index('IDX_quotes_confidence_keyset', { synchronize: false })
@ForeignKey(() => Source, ['sourceId', 'articleId'], ['id', 'articleId'], {
  name: 'FK_quotes_source_of_same_article',
  onDelete: 'RESTRICT',
})
@Check('CHK_quotes_span', `"span_start" >= 0 AND "span_end" > "span_start"`)
@Check(
  'CHK_quotes_cue_span',
  `("cue_start" IS NULL) = ("cue_end" IS NULL) AND "cue_start" >= 0 AND "cue_end" > "cue_start"`,
)
export class Quote extends Annotation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ForeignKey(() => Article, { onDelete: 'CASCADE' })
  @Column({ name: 'article_id', type: 'uuid' })
  articleId: string;

  @Column({ name: 'span_start', type: 'integer' })
  spanStart: number;

  @Column({ name: 'span_end', type: 'integer' })
  spanEnd: number;

  /**
   * The body at the span: the annotation writer inserts it, sliced from the body it holds; the
   * database derives it for every other insert and every update (see migration QuoteTextFromWriter).
   */
  @Field({ description: 'The text at the span: always equal to the body between span.start and span.end.' })
  @Column({ type: 'text', update: false })
  text: string;

  @Field(() => QuoteKind)
  @Index('IDX_quotes_kind')
  @Column({ type: 'enum', enum: QuoteKind, enumName: 'quote_kind', default: QuoteKind.DIRECT })
  kind: QuoteKind;

  @Column({ name: 'source_id', type: 'uuid', nullable: true })
  sourceId: string | null;

  @Field(() => AttributionMethod, {
    nullable: true,
    description:
      "How the extractor found the source; null for quotes a curator made, and cleared when a curator changes an extracted quote's source.",
  })
  @Index('IDX_quotes_attribution_method')
  @Column({
    name: 'attribution_method',
    type: 'enum',
    enum: AttributionMethod,
    enumName: 'attribution_method',
    nullable: true,
  })
  attributionMethod: AttributionMethod | null;

  @Field(() => String, { nullable: true, description: "The reporting verb: 'said', 'warned'." })
  @Column({ type: 'text', nullable: true })
  cue: string | null;

  /** Where the cue stands, when an annotation marked it (the span `cueSpan` resolves). */
  @Column({ name: 'cue_start', type: 'integer', nullable: true })
  cueStart: number | null;

  @Column({ name: 'cue_end', type: 'integer', nullable: true })
  cueEnd: number | null;

  @Index('IDX_quotes_search', { synchronize: false })
  @Column({
    name: 'search',
    type: 'tsvector',
    select: false,
    insert: false,
    update: false,
    generatedType: 'STORED',
    asExpression: `to_tsvector('${SEARCH_CONFIGURATION}'::regconfig, "text")`,
  })
  search: string;
}
