// The extractors an import runs, in order: actors and mentions first (sources link to actors),
// then sources, then the quotes attributed to them.
import { attributionExtractor } from './attribution.extractor';
import { entityLinker } from './entity-linker.extractor';
import { ExtractionPipeline } from './extraction-pipeline';
import { quoteExtractor } from './quote.extractor';

export const defaultExtractionPipeline = new ExtractionPipeline([entityLinker, attributionExtractor, quoteExtractor]);
