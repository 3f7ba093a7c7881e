import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Quotes record how an extractor attributed them (attribution_method), and actor aliases whether
 * extraction or a person added them (origin).
 *
 * Existing quotes keep a null method: how an older extractor attributed them is not known, and a
 * re-extraction fills it in. A curated quote has none. A curator's correction of an extracted
 * quote keeps its method (the span or the kind changed, not how the speaker was found), but a
 * change of its source clears it, whoever makes it (a curator, or a source deleted from under it):
 * the method described an attribution that no longer stands. A trigger does this, so no path can
 * forget it; a write that sets a new method along with a new source (an extractor) keeps its own.
 * Existing aliases are MANUAL: none was extracted before this column.
 */
export class AddAttributionMethodAndAliasOrigin1795617209331 implements MigrationInterface {
  name = 'AddAttributionMethodAndAliasOrigin1795617209331';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."attribution_method" AS ENUM('CUE', 'NEIGHBOUR', 'PRONOUN', 'CONTINUATION', 'REPORTED', 'NONE')`,
    );
    await queryRunner.query(`ALTER TABLE "quotes" ADD "attribution_method" "public"."attribution_method"`);
    await queryRunner.query(`CREATE INDEX "IDX_quotes_attribution_method" ON "quotes" ("attribution_method")`);
    await queryRunner.query(`
      CREATE FUNCTION "public"."clear_attribution_method"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.attribution_method IS NOT DISTINCT FROM OLD.attribution_method THEN
          NEW.attribution_method := NULL;
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "TRG_quotes_clear_attribution_method" BEFORE UPDATE OF "source_id" ON "quotes"
      FOR EACH ROW WHEN (NEW.source_id IS DISTINCT FROM OLD.source_id)
      EXECUTE FUNCTION "public"."clear_attribution_method"()`);
    await queryRunner.query(`ALTER TABLE "actor_aliases" ADD "origin" "public"."origin" NOT NULL DEFAULT 'MANUAL'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "actor_aliases" DROP COLUMN "origin"`);
    await queryRunner.query(`DROP TRIGGER "TRG_quotes_clear_attribution_method" ON "quotes"`);
    await queryRunner.query(`DROP FUNCTION "public"."clear_attribution_method"()`);
    await queryRunner.query(`DROP INDEX "public"."IDX_quotes_attribution_method"`);
    await queryRunner.query(`ALTER TABLE "quotes" DROP COLUMN "attribution_method"`);
    await queryRunner.query(`DROP TYPE "public"."attribution_method"`);
  }
}
