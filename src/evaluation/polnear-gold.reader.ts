// polnear_gold.py in TypeScript: a PolNeAR split (brat standoff: text/ and attributions/) as the
// gold the judge scores against: direct quotes with their speakers, indirect contents (predictions
// inside them are ignored) and every Source span. Offsets are code points, as in brat.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CodePoints, type Span, trimSpan, WORD_CHAR } from './judge-text';

export interface GoldQuote {
  readonly span: Span;
  /** The annotated source as written, or null when the attribution has none. */
  readonly speaker: string | null;
}

export interface PolnearArticle {
  readonly id: string;
  readonly text: CodePoints;
  readonly quotes: GoldQuote[];
  /** Indirect contents, whose quoted fragments are not direct quotes. */
  readonly contents: Span[];
  /** Every Source span of any attribution, direct or not. */
  readonly sources: Span[];
}

interface BratSpan {
  readonly kind: string;
  readonly start: number;
  readonly end: number;
  readonly pieces: Span[];
}

const OPENING_MARKS = '"“‘\'';
const WORD = new RegExp(`[${WORD_CHAR}]`, 'u');

function parseAnnotation(annotation: string): { spans: Map<string, BratSpan>; events: Map<string, string>[] } {
  const spans = new Map<string, BratSpan>();
  const events: Map<string, string>[] = [];
  for (const line of annotation.split('\n')) {
    const parts = line.split('\t');
    if (line.startsWith('T') && parts.length >= 2) {
      const space = parts[1].indexOf(' ');
      const kind = space < 0 ? parts[1] : parts[1].slice(0, space);
      const pieces = (space < 0 ? '' : parts[1].slice(space + 1))
        .split(';')
        .map((piece) => piece.trim().split(/\s+/).map(Number) as unknown as Span);
      const start = Math.min(...pieces.map((p) => p[0]));
      const end = Math.max(...pieces.map((p) => p[1]));
      spans.set(parts[0], { kind, start, end, pieces });
    } else if (line.startsWith('E')) {
      events.push(
        new Map(
          parts[1]
            .trim()
            .split(/\s+/)
            .map((role) => role.split(':') as [string, string]),
        ),
      );
    }
  }
  return { spans, events };
}

/** A content written in pieces: one gold quote per piece, joining pieces that no word separates. */
function quotePieces(text: CodePoints, content: BratSpan): Span[] {
  const pieces: [number, number][] = [];
  for (const piece of [...content.pieces].sort((a, b) => a[0] - b[0] || a[1] - b[1])) {
    const last = pieces[pieces.length - 1];
    if (last && !WORD.test(text.slice(last[1], piece[0]))) last[1] = piece[1];
    else pieces.push([piece[0], piece[1]]);
  }
  return pieces.map(([s, e]) => trimSpan(text, s, e)).filter(([s, e]) => e - s >= 3);
}

function goldOfArticle(id: string, text: CodePoints, annotation: string): PolnearArticle {
  const { spans, events } = parseAnnotation(annotation);
  const sourceKeys = new Set([...spans.values()].filter((s) => s.kind === 'Source').map((s) => `${s.start},${s.end}`));
  const sources = [...sourceKeys].map((k) => k.split(',').map(Number) as unknown as Span);
  sources.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const quotes: GoldQuote[] = [];
  const contents: Span[] = [];
  for (const event of events) {
    const content = spans.get(event.get('Content') ?? '');
    if (!content) continue;
    // Python's `'' in OPEN` is true: an empty content counts as opening with a mark.
    const opening = text.slice(content.start, content.end).trimStart().slice(0, 1);
    if (opening && !OPENING_MARKS.includes(opening)) {
      contents.push([content.start, content.end]);
      continue;
    }
    const source = spans.get(event.get('Source') ?? '');
    const speaker = source ? text.slice(source.start, source.end) : null;
    for (const span of quotePieces(text, content)) quotes.push({ span, speaker });
  }
  return { id, text, quotes, contents, sources };
}

/** The split's articles in the judge's order: the first annotation file of each, sorted by name. */
export function readPolnearGold(folder: string): PolnearArticle[] {
  const seen = new Set<string>();
  const articles: PolnearArticle[] = [];
  for (const file of readdirSync(path.join(folder, 'attributions')).sort()) {
    const id = file.replace(/_[0-9a-f]{4}\.ann$/, '');
    if (seen.has(id)) continue;
    seen.add(id);
    // Python reads text with universal newlines.
    const raw = readFileSync(path.join(folder, 'text', `${id}.txt`), 'utf8').replace(/\r\n?/g, '\n');
    const text = new CodePoints(raw);
    articles.push(goldOfArticle(id, text, readFileSync(path.join(folder, 'attributions', file), 'utf8')));
  }
  return articles;
}

/** speaker-referents.jsonl: whom each pronoun-sourced gold quote's pronoun refers to, by article and span. */
export function readSpeakerReferents(file: string): Map<string, string> {
  const referents = new Map<string, string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { article: string; quoteSpan: [number, number]; referent: string };
    referents.set(referentKey(row.article, row.quoteSpan), row.referent);
  }
  return referents;
}

export function referentKey(article: string, span: Span): string {
  return `${article}:${span[0]}:${span[1]}`;
}
