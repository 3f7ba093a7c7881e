/**
 * The text search configuration of every tsvector and tsquery: English stemming over unaccented
 * words, created by the first migration. Named explicitly because the one-argument to_tsvector
 * depends on a setting and so cannot be used in a generated column.
 */
export const SEARCH_CONFIGURATION = 'quotegraph';
