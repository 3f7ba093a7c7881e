import type { MigrationInterface, QueryRunner } from 'typeorm';

/** API keys with roles, kept as SHA-256 hashes of their secrets; revoked keys stay for the audit trail. */
export class CreateApiKeys1795625685846 implements MigrationInterface {
  name = 'CreateApiKeys1795625685846';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."api_key_role" AS ENUM('READER', 'EDITOR', 'ADMIN')`);
    await queryRunner.query(`
      CREATE TABLE "api_keys" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" text NOT NULL,
        "role" "public"."api_key_role" NOT NULL,
        "key_hash" text NOT NULL,
        "prefix" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "CHK_api_keys_name_not_blank" CHECK (btrim("name") <> ''),
        CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_api_keys_key_hash" ON "api_keys" ("key_hash")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."UQ_api_keys_key_hash"`);
    await queryRunner.query(`DROP TABLE "api_keys"`);
    await queryRunner.query(`DROP TYPE "public"."api_key_role"`);
  }
}
