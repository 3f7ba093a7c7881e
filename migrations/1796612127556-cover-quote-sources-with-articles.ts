import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The index of a quote's source also holds the quote's article: counts per article over a filter on
 * sources (quoteStats) read the index alone instead of every quote row, and the composite foreign
 * key (source_id, article_id) gets an index of its own.
 */
export class CoverQuoteSourcesWithArticles1796612127556 implements MigrationInterface {
  name = 'CoverQuoteSourcesWithArticles1796612127556';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_quotes_source_id_article_id" ON "quotes" ("source_id", "article_id")`);
    await queryRunner.query(`DROP INDEX "public"."IDX_quotes_source_id"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_quotes_source_id" ON "quotes" ("source_id")`);
    await queryRunner.query(`DROP INDEX "public"."IDX_quotes_source_id_article_id"`);
  }
}
