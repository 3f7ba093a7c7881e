import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail of curation and imports, append-only; and uniqueness of outlets known only by
 * name, so that concurrent imports find or create one outlet, not two.
 */
export class CreateRevisions1795537867314 implements MigrationInterface {
  name = 'CreateRevisions1795537867314';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "revisions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "entity_type" text NOT NULL,
        "entity_id" uuid NOT NULL,
        "operation" text NOT NULL,
        "before" jsonb,
        "after" jsonb,
        "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
        "by" text,
        CONSTRAINT "CHK_revisions_operation" CHECK ("operation" IN ('CREATE', 'UPDATE', 'DELETE')),
        CONSTRAINT "PK_4aa9ee2c71c50508c3c501573c9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_revisions_entity_id_at" ON "revisions" ("entity_id", "at", "id")`);
    await queryRunner.query(`
      CREATE FUNCTION "public"."refuse_revision_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'revisions are append-only' USING ERRCODE = 'check_violation', CONSTRAINT = 'TRG_revisions_append_only';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "TRG_revisions_append_only" BEFORE UPDATE OR DELETE ON "revisions"
      FOR EACH ROW EXECUTE FUNCTION "public"."refuse_revision_change"()`);

    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_outlets_name_key_without_domain" ON "outlets" ("public"."normalise_key"("name")) WHERE "domain" IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."UQ_outlets_name_key_without_domain"`);
    await queryRunner.query(`DROP TABLE "revisions"`);
    await queryRunner.query(`DROP FUNCTION "public"."refuse_revision_change"()`);
  }
}
