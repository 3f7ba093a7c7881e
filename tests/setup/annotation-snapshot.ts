// A database's annotations without its ids: what an export followed by an import into an empty
// database must give back. Rows are identified by their article's text hash and their spans, and
// refer to each other by what they say (a source's descriptor and span, an actor's name).
import type { DataSource } from 'typeorm';

export interface AnnotationSnapshot {
  readonly articles: unknown[];
  readonly actors: unknown[];
  readonly sources: unknown[];
  readonly quotes: unknown[];
  readonly mentions: unknown[];
  readonly stances: unknown[];
}

const PROVENANCE = (alias: string) =>
  `${alias}.origin, ${alias}.extractor, ${alias}.extractor_version, ${alias}.confidence`;

const ACTOR = (id: string) =>
  `(SELECT concat_ws(' / ', ac.name, ac.kind, ac.wikidata_id) FROM actors ac WHERE ac.id = ${id})`;

const SOURCE = (id: string) =>
  `(SELECT concat_ws(' / ', s.descriptor, s.span_start, s.span_end) FROM sources s WHERE s.id = ${id})`;

export async function annotationSnapshot(dataSource: DataSource): Promise<AnnotationSnapshot> {
  const rows = (query: string) => dataSource.query(`SELECT to_jsonb(r) AS row FROM (${query}) r ORDER BY 1`);
  const values = async (query: string) => (await rows(query)).map((r: { row: unknown }) => r.row);
  return {
    articles: await values(
      `SELECT a.content_hash, a.url, a.title, a.published_at, a.language, a.authors, o.name AS outlet, o.domain
       FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id`,
    ),
    actors: await values(
      `SELECT ac.name, ac.kind, ac.wikidata_id, ac.description, ${ACTOR('ac.affiliation_id')} AS affiliation,
         ARRAY(SELECT al.alias FROM actor_aliases al WHERE al.actor_id = ac.id ORDER BY al.alias) AS aliases,
         ARRAY(SELECT ${ACTOR('m.organisation_id')} FROM actor_memberships m WHERE m.member_id = ac.id ORDER BY 1) AS member_of
       FROM actors ac`,
    ),
    sources: await values(
      `SELECT a.content_hash, s.descriptor, s.span_start, s.span_end, s.anonymity, s.kind, s.role,
         ${ACTOR('s.actor_id')} AS actor, ${ACTOR('s.affiliation_id')} AS affiliation, ${PROVENANCE('s')}
       FROM sources s JOIN articles a ON a.id = s.article_id`,
    ),
    quotes: await values(
      `SELECT a.content_hash, q.span_start, q.span_end, q.text, q.kind, q.cue, q.cue_start, q.cue_end, q.attribution_method,
         ${SOURCE('q.source_id')} AS source, ${PROVENANCE('q')}
       FROM quotes q JOIN articles a ON a.id = q.article_id`,
    ),
    mentions: await values(
      `SELECT a.content_hash, m.span_start, m.span_end, ${ACTOR('m.actor_id')} AS actor, ${PROVENANCE('m')}
       FROM mentions m JOIN articles a ON a.id = m.article_id`,
    ),
    stances: await values(
      `SELECT a.content_hash, p.slug, p.text AS question, st.position, st.evidence_start, st.evidence_end, st.note,
         ${SOURCE('st.source_id')} AS source,
         (SELECT concat_ws(' / ', q.span_start, q.span_end) FROM quotes q WHERE q.id = st.quote_id) AS quote, ${PROVENANCE('st')}
       FROM stances st JOIN articles a ON a.id = st.article_id JOIN policy_questions p ON p.id = st.question_id`,
    ),
  };
}
