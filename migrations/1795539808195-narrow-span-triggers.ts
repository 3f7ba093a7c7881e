import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The span checks ran on every update of an annotation; only a change of its article or span can
 * move a span past the body, so they now fire on those columns alone (cheaper curation and
 * extraction, same guarantee).
 */
export class NarrowSpanTriggers1795539808195 implements MigrationInterface {
  name = 'NarrowSpanTriggers1795539808195';

  async up(queryRunner: QueryRunner): Promise<void> {
    await this.recreate(queryRunner, true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.recreate(queryRunner, false);
  }

  private async recreate(queryRunner: QueryRunner, narrow: boolean): Promise<void> {
    for (const [table, startColumn, endColumn] of [
      ['sources', 'span_start', 'span_end'],
      ['quotes', 'span_start', 'span_end'],
      ['mentions', 'span_start', 'span_end'],
      ['stances', 'evidence_start', 'evidence_end'],
    ]) {
      const events = narrow ? `INSERT OR UPDATE OF "article_id", "${startColumn}", "${endColumn}"` : 'INSERT OR UPDATE';
      await queryRunner.query(`DROP TRIGGER "TRG_${table}_span_within_body" ON "${table}"`);
      await queryRunner.query(`
        CREATE TRIGGER "TRG_${table}_span_within_body" BEFORE ${events} ON "${table}"
        FOR EACH ROW EXECUTE FUNCTION "public"."check_span_within_body"('${endColumn}')`);
    }
  }
}
