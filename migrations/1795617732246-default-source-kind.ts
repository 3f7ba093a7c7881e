import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A source written without a kind is a PERSON, as createSource and the annotation writer assume
 * when nothing better is known: writers that predate the kind (bulk SQL loads, older scripts)
 * keep working instead of failing on NOT NULL.
 */
export class DefaultSourceKind1795617732246 implements MigrationInterface {
  name = 'DefaultSourceKind1795617732246';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sources" ALTER COLUMN "kind" SET DEFAULT 'PERSON'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sources" ALTER COLUMN "kind" DROP DEFAULT`);
  }
}
