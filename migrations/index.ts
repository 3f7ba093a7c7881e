// Every migration, in the order they run: add each new migration here.
import type { MigrationInterface } from 'typeorm';
import { CreateCorpusModel1795536507893 } from './1795536507893-create-corpus-model';
import { AddFilterIndexes1795537520401 } from './1795537520401-add-filter-indexes';
import { CreateRevisions1795537867314 } from './1795537867314-create-revisions';
import { NarrowSpanTriggers1795539808195 } from './1795539808195-narrow-span-triggers';
import { AddSourceKind1795617173335 } from './1795617173335-add-source-kind';
import { AddAttributionMethodAndAliasOrigin1795617209331 } from './1795617209331-add-attribution-method-and-alias-origin';
import { DefaultSourceKind1795617732246 } from './1795617732246-default-source-kind';
import { AddActorAmbiguous1795618104201 } from './1795618104201-add-actor-ambiguous';
import { AddActorOrigin1795618500000 } from './1795618500000-add-actor-origin';
import { AddQuoteCueSpan1795623853752 } from './1795623853752-add-quote-cue-span';
import { CreateApiKeys1795625685846 } from './1795625685846-create-api-keys';
import { QuoteTextFromWriter1795631238331 } from './1795631238331-quote-text-from-writer';
import { CoverQuoteSourcesWithArticles1796612127556 } from './1796612127556-cover-quote-sources-with-articles';

export const migrations: (new () => MigrationInterface)[] = [CreateCorpusModel1795536507893, AddFilterIndexes1795537520401, CreateRevisions1795537867314, NarrowSpanTriggers1795539808195, AddSourceKind1795617173335, AddAttributionMethodAndAliasOrigin1795617209331, DefaultSourceKind1795617732246, AddActorAmbiguous1795618104201, AddActorOrigin1795618500000, AddQuoteCueSpan1795623853752, CreateApiKeys1795625685846, QuoteTextFromWriter1795631238331, CoverQuoteSourcesWithArticles1796612127556];
