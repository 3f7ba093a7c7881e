import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sources gain a kind (PERSON, GROUP, ORGANIZATION, DOCUMENT) beside their anonymity, so that "the
 * report", "the White House" and "analysts" stop counting as anonymous persons.
 *
 * Existing rows, MANUAL ones included (there is no other way to give them a value; every other
 * column of theirs is left as it is), get:
 * 1. the kind of their linked actor: PERSON -> PERSON, GROUP -> GROUP, ORGANIZATION, STATE and
 *    MEDIA -> ORGANIZATION;
 * 2. without an actor, the kind their descriptor's head noun says. The head is the last word
 *    before the first post-modifier (a preposition, "familiar", "close", "who", "that", a comma…):
 *    "officials familiar with the talks" -> "officials". Then
 *    - DOCUMENT when a lower-case head names a text (report, letter, statement, memo, filing,
 *      study, survey, poll, complaint, lawsuit, ruling, email…), singular or plural;
 *    - GROUP when a lower-case head is plural (people, staff, or ending in -s but not -ss, -us,
 *      -is): "analysts", "officials", "ministries";
 *    - ORGANIZATION when the head names an institution in any case (ministry, department,
 *      government, "House", "Kremlin", a newspaper…) or is an acronym ("NATO");
 *    - else PERSON. Capitalised heads are names: "James Jones" is not plural, "the Post" no letter.
 * The backfill writes no revisions: it is the schema's first value for the column, not an edit.
 */
export class AddSourceKind1795617173335 implements MigrationInterface {
  name = 'AddSourceKind1795617173335';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."source_kind" AS ENUM('PERSON', 'GROUP', 'ORGANIZATION', 'DOCUMENT')`);
    await queryRunner.query(`ALTER TABLE "sources" ADD "kind" "public"."source_kind"`);
    await queryRunner.query(`
      WITH heads AS (
        SELECT s.id, ac.kind AS actor_kind,
               substring(
                 regexp_replace(btrim(s.descriptor),
                   '(\\s+(of|for|at|in|on|with|from|to|familiar|close|who|that|which|whose|according|involved|speaking|briefed|knowledgeable)\\M|\\s*[,;:(]).*$', '', 'i')
                 FROM '([[:alpha:]]+)[^[:alpha:]]*$') AS head
        FROM sources s LEFT JOIN actors ac ON ac.id = s.actor_id
      )
      UPDATE sources s SET kind = (CASE
        WHEN h.actor_kind = 'PERSON' THEN 'PERSON'
        WHEN h.actor_kind = 'GROUP' THEN 'GROUP'
        WHEN h.actor_kind IS NOT NULL THEN 'ORGANIZATION'
        WHEN h.head ~ '^[[:lower:]]' AND h.head ~ '^(report|letter|statement|memo|memorandum|filing|study|studie|survey|poll|document|complaint|lawsuit|suit|indictment|ruling|order|release|email|mail|tweet|post|transcript|analysis|analyse|affidavit|motion|decision|resolution|bill|proposal|audit|assessment|review|guidance|notice|communique|declaration|announcement|cable|note|website|message|article|editorial|column|book|record|testimony|warrant|subpoena|verdict|summary|draft|dossier|brief|guideline|regulation|law|plan|data|figure|minute)s?$' THEN 'DOCUMENT'
        WHEN h.head ~ '^[[:lower:]]' AND (h.head ~ '^(people|staff|police|personnel|crowd|public|men|women|children|folks|crew|family|team|militants|majority|minority|both|others|many|some|several|all|those|they|them)$' OR h.head ~ '[^siu]s$') THEN 'GROUP'
        WHEN lower(h.head) ~ '^(house|ministry|department|office|agency|government|administration|company|firm|corporation|corp|inc|ltd|llc|group|campaign|committee|council|party|army|military|embassy|court|commission|university|college|bank|union|board|newspaper|paper|network|magazine|outlet|station|channel|broadcaster|kremlin|pentagon|congress|senate|parliament|assembly|service|foundation|institute|institution|organization|organisation|association|coalition|alliance|federation|authority|bureau|cabinet|secretariat|regime|tribunal|club|league|school|hospital|center|centre|times|journal|news|herald|tribune|guardian|telegraph|gazette|press|reuters|navy|ministerio|fund|charity|movement|network|think-tank|tank)$'
             OR h.head ~ '^[[:upper:]]{2,}$' THEN 'ORGANIZATION'
        ELSE 'PERSON'
      END)::"public"."source_kind"
      FROM heads h WHERE h.id = s.id`);
    await queryRunner.query(`ALTER TABLE "sources" ALTER COLUMN "kind" SET NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_sources_kind" ON "sources" ("kind")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_sources_kind"`);
    await queryRunner.query(`ALTER TABLE "sources" DROP COLUMN "kind"`);
    await queryRunner.query(`DROP TYPE "public"."source_kind"`);
  }
}
