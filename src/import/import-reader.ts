// Reads import items from JSON Lines, a JSON array, or a folder of .txt files with front matter,
// as a stream: one item at a time, whatever the size of the input. Parsing is pure; a bad item is
// reported with its position and never stops the reading.
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import matter from 'gray-matter';
import StreamArray from 'stream-json/streamers/StreamArray';
import { inputInstanceOf } from '../common/input-instance';
import { ImportArticleInput } from './import-article.input';

export interface RawItem {
  /** 1-based line (JSON Lines), item number (JSON array) or file number (folder). */
  readonly position: number;
  /** What a person looks for in the input: "line 12", "item 3", "file oped.txt". */
  readonly label: string;
  readonly value?: Record<string, unknown>;
  readonly parseError?: string;
  /** What reading the item skipped (lines of an annotation file it does not read). */
  readonly warnings?: readonly string[];
  /** Bytes of the input read so far, for progress. */
  readonly bytesRead: number;
}

export interface ImportInput {
  readonly kind: 'jsonl' | 'json' | 'folder';
  readonly totalBytes: number;
  items(): AsyncIterable<RawItem>;
}

export async function openImportInput(inputPath: string): Promise<ImportInput> {
  const info = await stat(inputPath);
  if (info.isDirectory()) return folderInput(inputPath);
  if (/\.json$/i.test(inputPath))
    return { kind: 'json', totalBytes: info.size, items: () => jsonArrayItems(inputPath) };
  return { kind: 'jsonl', totalBytes: info.size, items: () => jsonLinesItems(inputPath) };
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

async function* jsonLinesItems(file: string): AsyncIterable<RawItem> {
  const stream = createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let position = 0;
  let bytesRead = 0;
  for await (const line of lines) {
    position += 1;
    bytesRead += Buffer.byteLength(line, 'utf8') + 1;
    if (!line.trim()) continue;
    const label = `line ${position}`;
    try {
      const value = asObject(JSON.parse(line));
      yield value
        ? { position, label, value, bytesRead }
        : { position, label, parseError: 'the line is not a JSON object', bytesRead };
    } catch (error) {
      yield { position, label, parseError: `not JSON: ${(error as Error).message}`, bytesRead };
    }
  }
}

async function* jsonArrayItems(file: string): AsyncIterable<RawItem> {
  const stream = createReadStream(file);
  const items = stream.pipe(StreamArray.withParser());
  for await (const { key, value } of items as AsyncIterable<{ key: number; value: unknown }>) {
    const position = key + 1;
    const object = asObject(value);
    yield object
      ? { position, label: `item ${position}`, value: object, bytesRead: stream.bytesRead }
      : {
          position,
          label: `item ${position}`,
          parseError: 'the item is not a JSON object',
          bytesRead: stream.bytesRead,
        };
  }
}

/** Front matter keys of a .txt file, mapped to ImportArticleInput fields. */
export function itemFromTextFile(fileName: string, text: string): Record<string, unknown> {
  const { data, content } = matter(text) as { data: Record<string, unknown>; content: string };
  const date = data.publishedAt ?? data.published ?? data.date;
  return {
    title: data.title ?? path.basename(fileName, path.extname(fileName)),
    body: content.replace(/^\n+/, ''),
    url: data.url,
    publishedAt: date instanceof Date ? date.toISOString() : date,
    outletName: data.outlet ?? data.outletName,
    outletDomain: data.outletDomain,
    language: data.language,
    authors: typeof data.authors === 'string' ? [data.authors] : data.authors,
  };
}

async function folderInput(folder: string): Promise<ImportInput> {
  const names = (await readdir(folder)).filter((name) => name.toLowerCase().endsWith('.txt')).sort();
  const sizes = await Promise.all(names.map(async (name) => (await stat(path.join(folder, name))).size));
  return {
    kind: 'folder',
    totalBytes: sizes.reduce((a, b) => a + b, 0),
    items: async function* () {
      let bytesRead = 0;
      for (const [i, name] of names.entries()) {
        bytesRead += sizes[i];
        const label = `file ${name}`;
        try {
          yield {
            position: i + 1,
            label,
            value: itemFromTextFile(name, await readFile(path.join(folder, name), 'utf8')),
            bytesRead,
          };
        } catch (error) {
          yield {
            position: i + 1,
            label,
            parseError: `unreadable front matter: ${(error as Error).message}`,
            bytesRead,
          };
        }
      }
    },
  };
}

/** An item as the input class the importArticle mutation takes (dates parsed, unknown keys dropped). */
export function toImportArticleInput(value: Record<string, unknown>): ImportArticleInput {
  return inputInstanceOf(ImportArticleInput, value);
}
