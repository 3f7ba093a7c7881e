import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where a quote's reporting verb stands ("said" in "…," she said): annotation tools mark the cue as
 * a span (brat's Cue), so a quote keeps it beside the cue's text. Both ends or neither; inside the
 * body, as every span is.
 */
export class AddQuoteCueSpan1795623853752 implements MigrationInterface {
  name = 'AddQuoteCueSpan1795623853752';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "quotes" ADD "cue_start" integer, ADD "cue_end" integer`);
    await queryRunner.query(`
      ALTER TABLE "quotes" ADD CONSTRAINT "CHK_quotes_cue_span"
      CHECK (("cue_start" IS NULL) = ("cue_end" IS NULL) AND "cue_start" >= 0 AND "cue_end" > "cue_start")`);
    await queryRunner.query(`
      CREATE TRIGGER "TRG_quotes_cue_within_body" BEFORE INSERT OR UPDATE OF "article_id", "cue_start", "cue_end" ON "quotes"
      FOR EACH ROW EXECUTE FUNCTION "public"."check_span_within_body"('cue_end')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "TRG_quotes_cue_within_body" ON "quotes"`);
    await queryRunner.query(`ALTER TABLE "quotes" DROP CONSTRAINT "CHK_quotes_cue_span"`);
    await queryRunner.query(`ALTER TABLE "quotes" DROP COLUMN "cue_end", DROP COLUMN "cue_start"`);
  }
}
