// The names the W3C Web Annotation reader and writer share: the JSON-LD context, our `qg:` terms and
// the IRIs that stand for sources, quotes, stances, actors and extractors.
//
// Each record of an article becomes one Annotation whose `target` is where it stands in the article
// (a SpecificResource with a TextPositionSelector in code points and a TextQuoteSelector; the bare
// article IRI when it has no span) and whose `body` says what it is:
//
//   source   motivation "identifying"; body qg:Source {id urn:quotegraph:source:<key>, qg:descriptor,
//            qg:anonymity, qg:sourceKind?, qg:role?, qg:actor?: ACTOR, qg:affiliation?: ACTOR}
//   quote    motivation "classifying"; body qg:Quote {id urn:quotegraph:quote:<key, else its index>, qg:quoteKind,
//            qg:source?: source IRI, qg:cue?, qg:cueStart?, qg:cueEnd?, qg:attributionMethod?}
//   mention  motivation "identifying"; body ACTOR
//   stance   motivation "assessing"; target the evidence; body qg:Stance {id urn:quotegraph:stance:<n>,
//            qg:question (slug), qg:questionText?, qg:position, qg:source, qg:quote?, qg:note?}
//   actor    an actor nothing above carries: motivation "identifying", target the article IRI, body ACTOR
//
// ACTOR is qg:Actor {id (the Wikidata entity IRI when known, else urn:quotegraph:actor:<key>),
// qg:name, qg:actorKind, qg:aliases?, qg:description?, qg:affiliation?: actor IRI, qg:memberOf?: [actor IRI]};
// an actor known only by name is urn:quotegraph:actor-name:<name>. qg:cueStart/qg:cueEnd count the same
// units as the TextPositionSelectors. Keys are percent-encoded in IRIs. An extractor's row carries
// `generator` {id urn:quotegraph:extractor:<name>:<version>, type Software, name} with
// qg:extractorVersion and qg:confidence on the annotation; a MANUAL row has no generator.

export const ANNOTATION_CONTEXT_IRI = 'http://www.w3.org/ns/anno.jsonld';
export const VOCABULARY_PREFIX = 'qg';
export const VOCABULARY_IRI = 'urn:quotegraph:vocab#';

/** The model's context, then our prefix; the IRI-valued terms are typed so that JSON-LD reads them as links. */
export const WEB_ANNOTATION_CONTEXT = [
  ANNOTATION_CONTEXT_IRI,
  {
    [VOCABULARY_PREFIX]: VOCABULARY_IRI,
    'qg:source': { '@type': '@id' },
    'qg:quote': { '@type': '@id' },
    'qg:affiliation': { '@type': '@id' },
    'qg:memberOf': { '@type': '@id', '@container': '@set' },
    'qg:aliases': { '@container': '@set' },
  },
] as const;

export const BodyType = {
  SOURCE: 'qg:Source',
  QUOTE: 'qg:Quote',
  STANCE: 'qg:Stance',
  ACTOR: 'qg:Actor',
} as const;

export const Motivation = {
  IDENTIFYING: 'identifying',
  CLASSIFYING: 'classifying',
  ASSESSING: 'assessing',
} as const;

export const TEXT_POSITION_SELECTOR = 'TextPositionSelector';
export const TEXT_QUOTE_SELECTOR = 'TextQuoteSelector';

/** How many code points of context a TextQuoteSelector's prefix and suffix carry. */
export const QUOTE_CONTEXT_LENGTH = 32;

export const SOURCE_IRI_PREFIX = 'urn:quotegraph:source:';
export const QUOTE_IRI_PREFIX = 'urn:quotegraph:quote:';
export const STANCE_IRI_PREFIX = 'urn:quotegraph:stance:';
export const ACTOR_IRI_PREFIX = 'urn:quotegraph:actor:';
export const ACTOR_NAME_IRI_PREFIX = 'urn:quotegraph:actor-name:';
export const EXTRACTOR_IRI_PREFIX = 'urn:quotegraph:extractor:';
export const WIKIDATA_ENTITY_IRI_PREFIX = 'http://www.wikidata.org/entity/';

const WIKIDATA_ENTITY_IRI = /^https?:\/\/www\.wikidata\.org\/entity\/(Q[1-9][0-9]*)$/;

/** The item id (Q42) of a Wikidata entity IRI, over http or https; null for any other IRI. */
export function wikidataIdOfIri(iri: string): string | null {
  return WIKIDATA_ENTITY_IRI.exec(iri)?.[1] ?? null;
}

/** `prefix` + the key, percent-encoded so that any key makes a valid IRI. */
export function iriOf(prefix: string, key: string): string {
  return prefix + encodeURIComponent(key);
}

/** The key an IRI of ours stands for; any other IRI is its own key. */
export function keyOf(prefix: string, iri: string): string {
  if (!iri.startsWith(prefix)) return iri;
  try {
    return decodeURIComponent(iri.slice(prefix.length));
  } catch {
    // Not percent-encoding we wrote (a stray '%'): the text as it stands is still a usable key.
    return iri.slice(prefix.length);
  }
}

/** The name and version are percent-encoded, so the ':' between them separates them unambiguously. */
export function extractorIri(extractor: string, version: string): string {
  return `${EXTRACTOR_IRI_PREFIX}${encodeURIComponent(extractor)}:${encodeURIComponent(version)}`;
}

/** The extractor and version an `extractorIri` names; null for any other IRI. */
export function extractorOfIri(iri: string): { extractor: string; version: string } | null {
  if (!iri.startsWith(EXTRACTOR_IRI_PREFIX)) return null;
  const [extractor, version, ...rest] = iri.slice(EXTRACTOR_IRI_PREFIX.length).split(':');
  if (version === undefined || rest.length > 0) return null;
  try {
    return { extractor: decodeURIComponent(extractor), version: decodeURIComponent(version) };
  } catch {
    return null;
  }
}
