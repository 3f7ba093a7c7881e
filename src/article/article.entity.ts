import { Field, ObjectType } from 'type-graphql';
import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Node } from '../common/node.interface';
import { DateTimeScalar } from '../common/scalars';
import { Outlet } from '../outlet/outlet.entity';
import { SEARCH_CONFIGURATION } from '../database/search-configuration';

@Entity({ name: 'articles' })
@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description: 'A news article: the text that quotes, sources, mentions and stances point into.',
})
@Unique('UQ_articles_url', ['url'])
// The same wire story under two URLs is two articles; without a URL the text is the identity.
@Index('UQ_articles_content_hash_without_url', ['contentHash'], { unique: true, where: `"url" IS NULL` })
@Index('IDX_articles_content_hash', ['contentHash'])
@Index('IDX_articles_published_at', ['publishedAt'])
// Keyset orders: newest first with undated articles last, and by import time.
@Index('IDX_articles_published_at_keyset', { synchronize: false })
@Index('IDX_articles_imported_at_keyset', ['importedAt', 'id'])
@Check('CHK_articles_title_not_blank', `btrim("title") <> ''`)
@Check('CHK_articles_body_not_blank', `"body" <> ''`)
@Check('CHK_articles_content_hash_is_sha256', `"content_hash" ~ '^[0-9a-f]{64}$'`)
@Check('CHK_articles_language_is_iso_639_1', `"language" ~ '^[a-z]{2}$'`)
@Check('CHK_articles_url_is_http', `"url" ~ '^https?://'`)
export class Article {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field({
    description: 'The normalised text (NFC, LF line ends, no trailing spaces); every offset counts code points in it.',
  })
  @Column({ type: 'text' })
  body: string;

  /** Length in code points, kept by the database so that span checks need not read the body. */
  @Column({
    name: 'body_length',
    type: 'integer',
    generatedType: 'STORED',
    asExpression: 'char_length("body")',
    insert: false,
    update: false,
  })
  bodyLength: number;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'ISO 639-1 code, such as en.' })
  @Column({ type: 'text', nullable: true })
  language: string | null;

  @Field(() => [String])
  @Column({ type: 'text', array: true, default: () => `'{}'` })
  authors: string[];

  @Index('IDX_articles_outlet_id')
  @ForeignKey(() => Outlet, { onDelete: 'RESTRICT' })
  @Column({ name: 'outlet_id', type: 'uuid', nullable: true })
  outletId: string | null;

  @Field({ description: 'sha256 of the normalised body, hex.' })
  @Column({ name: 'content_hash', type: 'text' })
  contentHash: string;

  @Field(() => DateTimeScalar)
  @CreateDateColumn({ name: 'imported_at', type: 'timestamptz' })
  importedAt: Date;

  @Index('IDX_articles_search', { synchronize: false })
  @Column({
    name: 'search',
    type: 'tsvector',
    select: false,
    insert: false,
    update: false,
    generatedType: 'STORED',
    asExpression: `setweight(to_tsvector('${SEARCH_CONFIGURATION}'::regconfig, "title"), 'A') || setweight(to_tsvector('${SEARCH_CONFIGURATION}'::regconfig, "body"), 'B')`,
  })
  search: string;
}
