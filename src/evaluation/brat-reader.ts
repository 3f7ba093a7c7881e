// Reads PolNeAR's brat standoff annotation of attributions: Content, Source and Cue spans tied
// together by Attribution events. Offsets are code points into the article's text.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface BratSpan {
  readonly kind: string;
  /** Pieces of the span: [start, end) code points; a span written in pieces has several. */
  readonly pieces: [number, number][];
  readonly text: string;
}

export interface BratAttribution {
  readonly content?: BratSpan;
  readonly source?: BratSpan;
  readonly cue?: BratSpan;
}

export interface BratDocument {
  readonly name: string;
  readonly text: string;
  readonly attributions: BratAttribution[];
}

export function parseBrat(annotation: string): BratAttribution[] {
  const spans = new Map<string, BratSpan>();
  const events: Record<string, string>[] = [];
  for (const line of annotation.split('\n')) {
    const [id, body, text] = line.split('\t');
    if (!id || !body) continue;
    if (id.startsWith('T')) {
      const [kind, ...rest] = body.split(' ');
      const pieces = rest
        .join(' ')
        .split(';')
        .map((piece) => piece.trim().split(' ').map(Number) as [number, number]);
      spans.set(id, { kind, pieces, text: text ?? '' });
    } else if (id.startsWith('E')) {
      events.push(Object.fromEntries(body.split(' ').map((role) => role.split(':')) as [string, string][]));
    }
  }
  return events.map((event) => ({
    content: spans.get(event.Content),
    source: spans.get(event.Source),
    cue: spans.get(event.Cue),
  }));
}

/** A PolNeAR split: text/<name>.txt with attributions/<name>_<annotator>.ann (the first annotator). */
export function readBratFolder(folder: string): BratDocument[] {
  const annotations = readdirSync(path.join(folder, 'attributions'))
    .filter((f) => f.endsWith('.ann'))
    .sort();
  return readdirSync(path.join(folder, 'text'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.txt$/, '');
      const annotation = annotations.find((a) => a === `${name}.ann` || a.startsWith(`${name}_`));
      return {
        name,
        text: readFileSync(path.join(folder, 'text', file), 'utf8'),
        attributions: annotation ? parseBrat(readFileSync(path.join(folder, 'attributions', annotation), 'utf8')) : [],
      };
    });
}
