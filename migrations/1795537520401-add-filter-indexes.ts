import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes behind the query API's filters and orders: date ranges, origin and position filters,
 * the confidence order, and trigram indexes for the substring filters (roleContains, actor search).
 */
export class AddFilterIndexes1795537520401 implements MigrationInterface {
  name = 'AddFilterIndexes1795537520401';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_articles_published_at" ON "articles" ("published_at")`);
    await queryRunner.query(`CREATE INDEX "IDX_quotes_origin" ON "quotes" ("origin")`);
    await queryRunner.query(`CREATE INDEX "IDX_stances_origin" ON "stances" ("origin")`);
    await queryRunner.query(`CREATE INDEX "IDX_stances_position" ON "stances" ("position")`);
    await queryRunner.query(`CREATE INDEX "IDX_quotes_confidence_keyset" ON "quotes" ((COALESCE("confidence", 1)), "id")`);

    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS "pg_trgm" WITH SCHEMA "public"`);
    await queryRunner.query(`CREATE INDEX "IDX_sources_role_trigram" ON "sources" USING gin ("public"."normalise_key"("role") "public"."gin_trgm_ops")`);
    await queryRunner.query(`CREATE INDEX "IDX_actors_name_key_trigram" ON "actors" USING gin ("name_key" "public"."gin_trgm_ops")`);
    await queryRunner.query(`CREATE INDEX "IDX_actor_aliases_alias_key_trigram" ON "actor_aliases" USING gin ("alias_key" "public"."gin_trgm_ops")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of [
      'IDX_actor_aliases_alias_key_trigram',
      'IDX_actors_name_key_trigram',
      'IDX_sources_role_trigram',
      'IDX_quotes_confidence_keyset',
      'IDX_stances_position',
      'IDX_stances_origin',
      'IDX_quotes_origin',
      'IDX_articles_published_at',
    ]) {
      await queryRunner.query(`DROP INDEX "public"."${index}"`);
    }
    await queryRunner.query(`DROP EXTENSION IF EXISTS "pg_trgm"`);
  }
}
