import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Actors record who made them (origin): MANUAL for a curator's (createActor, a hand annotation),
 * EXTRACTED for those extraction created, which pruneOrphanActors may delete once nothing cites them.
 *
 * Nothing recorded who created an existing actor, so the backfill reads what cited it: an actor is
 * EXTRACTED when every mention and source that cites it or ever cited it (the rows as they are,
 * and the rows kept in revisions, so deleted articles still tell) is EXTRACTED, at least one does,
 * and nothing shows a curator's hand: no MANUAL alias (a curator named it, or merged another into
 * it), no Wikidata id or description (extraction never set them), no UPDATE revision (extraction
 * never updated an actor before this migration). Every other actor, one nothing ever cited
 * included, is MANUAL: the side that prunes nothing.
 */
export class AddActorOrigin1795618500000 implements MigrationInterface {
  name = 'AddActorOrigin1795618500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "actors" ADD "origin" "public"."origin" NOT NULL DEFAULT 'MANUAL'`);
    await queryRunner.query(`
      WITH cited_rows AS (
        SELECT to_jsonb(m) AS row FROM mentions m
        UNION ALL SELECT to_jsonb(s) - 'search' FROM sources s
        UNION ALL SELECT v.before FROM revisions v WHERE v.entity_type IN ('Mention', 'Source') AND v.before IS NOT NULL
        UNION ALL SELECT v.after FROM revisions v WHERE v.entity_type IN ('Mention', 'Source') AND v.after IS NOT NULL
      ), citations AS (
        SELECT (row->>'actor_id')::uuid AS actor_id, row->>'origin' AS origin FROM cited_rows WHERE row->>'actor_id' IS NOT NULL
        UNION ALL
        SELECT (row->>'affiliation_id')::uuid, row->>'origin' FROM cited_rows WHERE row->>'affiliation_id' IS NOT NULL
      ), verdicts AS (
        SELECT actor_id, bool_and(origin = 'EXTRACTED') AS extracted FROM citations GROUP BY actor_id
      )
      UPDATE actors ac SET origin = 'EXTRACTED'
      FROM verdicts v
      WHERE v.actor_id = ac.id AND v.extracted
        AND ac.wikidata_id IS NULL AND ac.description IS NULL
        AND NOT EXISTS (SELECT 1 FROM actor_aliases al WHERE al.actor_id = ac.id AND al.origin = 'MANUAL')
        AND NOT EXISTS (SELECT 1 FROM revisions r WHERE r.entity_type = 'Actor' AND r.entity_id = ac.id AND r.operation = 'UPDATE')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "actors" DROP COLUMN "origin"`);
  }
}
