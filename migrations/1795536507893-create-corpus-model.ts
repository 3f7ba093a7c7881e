import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The corpus model: outlets, articles, actors (aliases, memberships), sources, quotes, mentions,
 * policy questions and stances. Generated from the entities, then completed by hand with what
 * TypeORM cannot express: the unaccent wrapper and search configuration, expression and GIN
 * indexes, and the triggers that keep spans inside their article's body.
 */
export class CreateCorpusModel1795536507893 implements MigrationInterface {
  name = 'CreateCorpusModel1795536507893';

  async up(queryRunner: QueryRunner): Promise<void> {
    // unaccent() is STABLE (its dictionary could change), so indexes and generated columns need an
    // IMMUTABLE wrapper that names the dictionary explicitly.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS "unaccent" WITH SCHEMA "public"`);
    await queryRunner.query(`
      CREATE FUNCTION "public"."normalise_key"(value text) RETURNS text
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      RETURN lower("public"."unaccent"('"public"."unaccent"'::regdictionary, regexp_replace(btrim(value), '\\s+', ' ', 'g')))`);
    // English stemming over unaccented words, so "Zelenskyy" and "Zelénskyy" match alike.
    await queryRunner.query(`CREATE TEXT SEARCH CONFIGURATION "public"."quotegraph" (COPY = pg_catalog.english)`);
    await queryRunner.query(`
      ALTER TEXT SEARCH CONFIGURATION "public"."quotegraph"
      ALTER MAPPING FOR hword, hword_part, word WITH "public"."unaccent", pg_catalog.english_stem`);

    // Tables, checks and plain indexes, as generated from the entities.
    await queryRunner.query(`CREATE TYPE "public"."actor_kind" AS ENUM('PERSON', 'ORGANIZATION', 'STATE', 'MEDIA', 'GROUP')`);
    await queryRunner.query(`CREATE TABLE "actors" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "name_key" text GENERATED ALWAYS AS (normalise_key("name")) STORED NOT NULL, "kind" "public"."actor_kind" NOT NULL, "description" text, "wikidata_id" text, "affiliation_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_actors_wikidata_id" UNIQUE ("wikidata_id"), CONSTRAINT "CHK_actors_not_own_affiliation" CHECK ("affiliation_id" <> "id"), CONSTRAINT "CHK_actors_wikidata_id" CHECK ("wikidata_id" ~ '^Q[1-9][0-9]*$'), CONSTRAINT "CHK_actors_name_not_blank" CHECK (btrim("name") <> ''), CONSTRAINT "PK_d8608598c2c4f907a78de2ae461" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_actors_name_key" ON "actors" ("name_key")`);
    await queryRunner.query(`CREATE INDEX "IDX_actors_kind" ON "actors" ("kind")`);
    await queryRunner.query(`CREATE INDEX "IDX_actors_affiliation_id" ON "actors" ("affiliation_id")`);
    await queryRunner.query(`CREATE TABLE "actor_aliases" ("actor_id" uuid NOT NULL, "alias" text NOT NULL, "alias_key" text GENERATED ALWAYS AS (normalise_key("alias")) STORED NOT NULL, CONSTRAINT "CHK_actor_aliases_not_blank" CHECK (btrim("alias") <> ''), CONSTRAINT "PK_ab14dab3a4a8b5499a4ff5f4ad9" PRIMARY KEY ("actor_id", "alias"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_actor_aliases_alias_key" ON "actor_aliases" ("alias_key")`);
    await queryRunner.query(`CREATE TABLE "actor_memberships" ("member_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, CONSTRAINT "CHK_actor_memberships_not_self" CHECK ("member_id" <> "organisation_id"), CONSTRAINT "PK_0976c58a2aefb0eefe5b31198e6" PRIMARY KEY ("member_id", "organisation_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_actor_memberships_organisation_id" ON "actor_memberships" ("organisation_id")`);
    await queryRunner.query(`CREATE TABLE "outlets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "domain" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_outlets_domain" UNIQUE ("domain"), CONSTRAINT "CHK_outlets_domain_lower_case" CHECK ("domain" = lower("domain")), CONSTRAINT "CHK_outlets_name_not_blank" CHECK (btrim("name") <> ''), CONSTRAINT "PK_4f218ad1778c5c01d7bf77bab02" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_outlets_name" ON "outlets" ("name")`);
    await queryRunner.query(`CREATE TABLE "articles" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "url" text, "title" text NOT NULL, "body" text NOT NULL, "body_length" integer GENERATED ALWAYS AS (char_length("body")) STORED NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE, "language" text, "authors" text array NOT NULL DEFAULT '{}', "outlet_id" uuid, "content_hash" text NOT NULL, "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "search" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('quotegraph'::regconfig, "title"), 'A') || setweight(to_tsvector('quotegraph'::regconfig, "body"), 'B')) STORED NOT NULL, CONSTRAINT "UQ_articles_url" UNIQUE ("url"), CONSTRAINT "CHK_articles_url_is_http" CHECK ("url" ~ '^https?://'), CONSTRAINT "CHK_articles_language_is_iso_639_1" CHECK ("language" ~ '^[a-z]{2}$'), CONSTRAINT "CHK_articles_content_hash_is_sha256" CHECK ("content_hash" ~ '^[0-9a-f]{64}$'), CONSTRAINT "CHK_articles_body_not_blank" CHECK ("body" <> ''), CONSTRAINT "CHK_articles_title_not_blank" CHECK (btrim("title") <> ''), CONSTRAINT "PK_0a6e2c450d83e0b6052c2793334" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_articles_outlet_id" ON "articles" ("outlet_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_articles_imported_at_keyset" ON "articles" ("imported_at", "id")`);
    await queryRunner.query(`CREATE INDEX "IDX_articles_content_hash" ON "articles" ("content_hash")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_articles_content_hash_without_url" ON "articles" ("content_hash") WHERE "url" IS NULL`);
    await queryRunner.query(`CREATE TYPE "public"."origin" AS ENUM('MANUAL', 'EXTRACTED')`);
    await queryRunner.query(`CREATE TABLE "mentions" ("origin" "public"."origin" NOT NULL DEFAULT 'MANUAL', "extractor" text, "extractor_version" text, "confidence" real, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "article_id" uuid NOT NULL, "actor_id" uuid NOT NULL, "span_start" integer NOT NULL, "span_end" integer NOT NULL, CONSTRAINT "UQ_mentions_article_actor_span" UNIQUE ("article_id", "span_start", "span_end", "actor_id"), CONSTRAINT "CHK_5d2157c658efa72bed9e0fb56b" CHECK ("confidence" IS NULL OR ("confidence" >= 0 AND "confidence" <= 1)), CONSTRAINT "CHK_b512d2885ec0b45208e17ac22c" CHECK ("origin" = 'MANUAL' OR "extractor" IS NOT NULL), CONSTRAINT "CHK_mentions_span" CHECK ("span_start" >= 0 AND "span_end" > "span_start"), CONSTRAINT "PK_2c728c4685beaa7be19e11eae42" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_mentions_actor_id" ON "mentions" ("actor_id")`);
    await queryRunner.query(`CREATE TABLE "policy_questions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" text NOT NULL, "text" text NOT NULL, "description" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_policy_questions_slug" UNIQUE ("slug"), CONSTRAINT "CHK_policy_questions_text_not_blank" CHECK (btrim("text") <> ''), CONSTRAINT "CHK_policy_questions_slug_kebab_case" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'), CONSTRAINT "PK_1c595030b94b952158a8ef685ae" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TYPE "public"."anonymity" AS ENUM('NAMED', 'ANONYMOUS')`);
    await queryRunner.query(`CREATE TABLE "sources" ("origin" "public"."origin" NOT NULL DEFAULT 'MANUAL', "extractor" text, "extractor_version" text, "confidence" real, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "article_id" uuid NOT NULL, "descriptor" text NOT NULL, "span_start" integer, "span_end" integer, "anonymity" "public"."anonymity" NOT NULL, "actor_id" uuid, "affiliation_id" uuid, "role" text, CONSTRAINT "UQ_sources_id_article_id" UNIQUE ("id", "article_id"), CONSTRAINT "CHK_348b6ffef4c8427d90a9668994" CHECK ("confidence" IS NULL OR ("confidence" >= 0 AND "confidence" <= 1)), CONSTRAINT "CHK_bcf802c7b52c2fba9b60eabb05" CHECK ("origin" = 'MANUAL' OR "extractor" IS NOT NULL), CONSTRAINT "CHK_sources_span" CHECK (("span_start" IS NULL) = ("span_end" IS NULL) AND "span_start" >= 0 AND "span_end" > "span_start"), CONSTRAINT "CHK_sources_descriptor_not_blank" CHECK (btrim("descriptor") <> ''), CONSTRAINT "PK_85523beafe5a2a6b90b02096443" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_sources_article_id" ON "sources" ("article_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_sources_anonymity" ON "sources" ("anonymity")`);
    await queryRunner.query(`CREATE INDEX "IDX_sources_actor_id" ON "sources" ("actor_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_sources_affiliation_id" ON "sources" ("affiliation_id")`);
    await queryRunner.query(`CREATE TYPE "public"."quote_kind" AS ENUM('DIRECT', 'PARAPHRASE')`);
    await queryRunner.query(`CREATE TABLE "quotes" ("origin" "public"."origin" NOT NULL DEFAULT 'MANUAL', "extractor" text, "extractor_version" text, "confidence" real, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "article_id" uuid NOT NULL, "span_start" integer NOT NULL, "span_end" integer NOT NULL, "text" text NOT NULL, "kind" "public"."quote_kind" NOT NULL DEFAULT 'DIRECT', "source_id" uuid, "cue" text, "search" tsvector GENERATED ALWAYS AS (to_tsvector('quotegraph'::regconfig, "text")) STORED NOT NULL, CONSTRAINT "UQ_quotes_id_article_id" UNIQUE ("id", "article_id"), CONSTRAINT "CHK_d005bb87f694baf4cd196a184f" CHECK ("confidence" IS NULL OR ("confidence" >= 0 AND "confidence" <= 1)), CONSTRAINT "CHK_187775fc5b5294ed6fe08fc91c" CHECK ("origin" = 'MANUAL' OR "extractor" IS NOT NULL), CONSTRAINT "CHK_quotes_span" CHECK ("span_start" >= 0 AND "span_end" > "span_start"), CONSTRAINT "PK_99a0e8bcbcd8719d3a41f23c263" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_quotes_kind" ON "quotes" ("kind")`);
    await queryRunner.query(`CREATE INDEX "IDX_quotes_source_id" ON "quotes" ("source_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_quotes_article_id_span_start" ON "quotes" ("article_id", "span_start", "id")`);
    await queryRunner.query(`CREATE TYPE "public"."stance_position" AS ENUM('SUPPORT', 'OPPOSE', 'CONDITIONAL', 'NEUTRAL', 'UNCLEAR')`);
    await queryRunner.query(`CREATE TABLE "stances" ("origin" "public"."origin" NOT NULL DEFAULT 'MANUAL', "extractor" text, "extractor_version" text, "confidence" real, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "question_id" uuid NOT NULL, "article_id" uuid NOT NULL, "source_id" uuid NOT NULL, "position" "public"."stance_position" NOT NULL, "evidence_start" integer, "evidence_end" integer, "quote_id" uuid, "note" text, CONSTRAINT "UQ_stances_source_question" UNIQUE ("source_id", "question_id"), CONSTRAINT "CHK_62aa091854d018e57cf7f5f964" CHECK ("confidence" IS NULL OR ("confidence" >= 0 AND "confidence" <= 1)), CONSTRAINT "CHK_73092fe16aa49a16ce7b5fda60" CHECK ("origin" = 'MANUAL' OR "extractor" IS NOT NULL), CONSTRAINT "CHK_stances_evidence" CHECK (("evidence_start" IS NULL) = ("evidence_end" IS NULL) AND "evidence_start" >= 0 AND "evidence_end" > "evidence_start"), CONSTRAINT "PK_2dc20298228bc8cea926a6dd577" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_stances_quote_id" ON "stances" ("quote_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_stances_article_id" ON "stances" ("article_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_stances_question_id" ON "stances" ("question_id")`);

    // Foreign keys. Composite keys make a quote or stance cite a source (and quote) of its own article.
    await queryRunner.query(`ALTER TABLE "actors" ADD CONSTRAINT "FK_fce06ac8325dcf89bd5d900af92" FOREIGN KEY ("affiliation_id") REFERENCES "actors"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "actor_aliases" ADD CONSTRAINT "FK_99c8c1325d59f1e9b7dc9bd216f" FOREIGN KEY ("actor_id") REFERENCES "actors"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "actor_memberships" ADD CONSTRAINT "FK_dfd6d73c0faec376407379180f7" FOREIGN KEY ("member_id") REFERENCES "actors"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "actor_memberships" ADD CONSTRAINT "FK_868785c8542d0ed0bb6819fb06e" FOREIGN KEY ("organisation_id") REFERENCES "actors"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "articles" ADD CONSTRAINT "FK_a6630736720edfb1fd62e6c6d1c" FOREIGN KEY ("outlet_id") REFERENCES "outlets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mentions" ADD CONSTRAINT "FK_b597a8be6d53d7836f176b50b29" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mentions" ADD CONSTRAINT "FK_01a3a9657b02e4e0c2415afe061" FOREIGN KEY ("actor_id") REFERENCES "actors"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "sources" ADD CONSTRAINT "FK_cf0b7b140c5bb10222e836a0514" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "sources" ADD CONSTRAINT "FK_b9fa0498574eadf2618cca94b56" FOREIGN KEY ("actor_id") REFERENCES "actors"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "sources" ADD CONSTRAINT "FK_cd24af2148be834d1718d806e67" FOREIGN KEY ("affiliation_id") REFERENCES "actors"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "quotes" ADD CONSTRAINT "FK_9a205506b585071dab45491e5ab" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "quotes" ADD CONSTRAINT "FK_quotes_source_of_same_article" FOREIGN KEY ("source_id", "article_id") REFERENCES "sources"("id","article_id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "stances" ADD CONSTRAINT "FK_e67d0473e30a69a7590bf5947d2" FOREIGN KEY ("question_id") REFERENCES "policy_questions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "stances" ADD CONSTRAINT "FK_10b4d6ead517b373d3297ee0c70" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "stances" ADD CONSTRAINT "FK_stances_quote_of_same_article" FOREIGN KEY ("quote_id", "article_id") REFERENCES "quotes"("id","article_id") ON DELETE SET NULL ("quote_id") ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "stances" ADD CONSTRAINT "FK_stances_source_of_same_article" FOREIGN KEY ("source_id", "article_id") REFERENCES "sources"("id","article_id") ON DELETE CASCADE ON UPDATE NO ACTION`);

    // TypeORM compares generated columns with these rows when it generates a migration.
    await recordGeneratedColumn(queryRunner, 'actors', 'name_key', `normalise_key("name")`);
    await recordGeneratedColumn(queryRunner, 'actor_aliases', 'alias_key', `normalise_key("alias")`);
    await recordGeneratedColumn(queryRunner, 'articles', 'body_length', `char_length("body")`);
    await recordGeneratedColumn(queryRunner, 'articles', 'search', `setweight(to_tsvector('quotegraph'::regconfig, "title"), 'A') || setweight(to_tsvector('quotegraph'::regconfig, "body"), 'B')`);
    await recordGeneratedColumn(queryRunner, 'quotes', 'search', `to_tsvector('quotegraph'::regconfig, "text")`);

    // Indexes declared on the entities with synchronize: false.
    await queryRunner.query(`CREATE INDEX "IDX_articles_published_at_keyset" ON "articles" (COALESCE("published_at", '-infinity'::timestamptz), "id")`);
    await queryRunner.query(`CREATE INDEX "IDX_articles_search" ON "articles" USING gin ("search")`);
    await queryRunner.query(`CREATE INDEX "IDX_quotes_search" ON "quotes" USING gin ("search")`);

    // Offsets refer to the stored body, so a body never changes once annotations may point into it.
    await queryRunner.query(`
      CREATE FUNCTION "public"."refuse_article_body_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.body IS DISTINCT FROM OLD.body THEN
          RAISE EXCEPTION 'the body of article % cannot change: spans point into it', OLD.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'TRG_articles_body_immutable';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "TRG_articles_body_immutable" BEFORE UPDATE OF "body" ON "articles"
      FOR EACH ROW EXECUTE FUNCTION "public"."refuse_article_body_change"()`);

    // A span may not reach past the end of its article's body. Arguments: the span's end column.
    await queryRunner.query(`
      CREATE FUNCTION "public"."check_span_within_body"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        span_end integer := (to_jsonb(NEW) ->> TG_ARGV[0])::integer;
        body_length integer;
      BEGIN
        IF span_end IS NULL THEN
          RETURN NEW;
        END IF;
        SELECT a.body_length INTO body_length FROM "public"."articles" a WHERE a.id = NEW.article_id;
        IF span_end > body_length THEN
          RAISE EXCEPTION '%.% % is past the end of the article body (% code points)', TG_TABLE_NAME, TG_ARGV[0], span_end, body_length
            USING ERRCODE = 'check_violation', CONSTRAINT = 'TRG_' || TG_TABLE_NAME || '_span_within_body';
        END IF;
        RETURN NEW;
      END $$`);
    for (const [table, endColumn] of [['sources', 'span_end'], ['quotes', 'span_end'], ['mentions', 'span_end'], ['stances', 'evidence_end']]) {
      await queryRunner.query(`
        CREATE TRIGGER "TRG_${table}_span_within_body" BEFORE INSERT OR UPDATE ON "${table}"
        FOR EACH ROW EXECUTE FUNCTION "public"."check_span_within_body"('${endColumn}')`);
    }

    // A quote's text is the body at its span, always: the database derives it.
    await queryRunner.query(`
      CREATE FUNCTION "public"."set_quote_text"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT substr(a.body, NEW.span_start + 1, NEW.span_end - NEW.span_start) INTO NEW.text
        FROM "public"."articles" a WHERE a.id = NEW.article_id;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER "TRG_quotes_text_from_body" BEFORE INSERT OR UPDATE OF "article_id", "span_start", "span_end", "text" ON "quotes"
      FOR EACH ROW EXECUTE FUNCTION "public"."set_quote_text"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "table" IN ('actors', 'actor_aliases', 'articles', 'quotes')`);
    for (const table of ['stances', 'mentions', 'quotes', 'sources', 'policy_questions', 'articles', 'outlets', 'actor_memberships', 'actor_aliases', 'actors']) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
    for (const type of ['stance_position', 'quote_kind', 'anonymity', 'origin', 'actor_kind']) {
      await queryRunner.query(`DROP TYPE "public"."${type}"`);
    }
    for (const fn of ['set_quote_text', 'check_span_within_body', 'refuse_article_body_change']) {
      await queryRunner.query(`DROP FUNCTION "public"."${fn}"()`);
    }
    await queryRunner.query(`DROP TEXT SEARCH CONFIGURATION "public"."quotegraph"`);
    await queryRunner.query(`DROP FUNCTION "public"."normalise_key"(text)`);
  }
}

/**
 * TypeORM keeps generated-column expressions in typeorm_metadata, keyed by database name; a
 * database cloned from a template must rename them (see tests/setup).
 */
async function recordGeneratedColumn(queryRunner: QueryRunner, table: string, column: string, expression: string): Promise<void> {
  await queryRunner.query(
    `INSERT INTO "typeorm_metadata" ("database", "schema", "table", "type", "name", "value")
     VALUES (current_database(), current_schema(), $1, 'GENERATED_COLUMN', $2, $3)`,
    [table, column, expression],
  );
}
