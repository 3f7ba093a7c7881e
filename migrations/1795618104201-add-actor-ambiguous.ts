import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Actors flagged ambiguous: a single word ("Lynch") that more than one known actor carries names
 * none of them for certain, so the writer makes a new actor for it and flags it, for a curator to
 * merge or split, rather than merging two people wrongly. Existing actors are not ambiguous.
 */
export class AddActorAmbiguous1795618104201 implements MigrationInterface {
  name = 'AddActorAmbiguous1795618104201';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "actors" ADD "ambiguous" boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "actors" DROP COLUMN "ambiguous"`);
  }
}
