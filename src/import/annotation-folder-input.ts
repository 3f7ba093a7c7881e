// Reads a folder of annotated articles as annotation tools leave them: for each `<name>.txt`, its
// annotations (`<name>.ann` for brat, or the first `<name>_<annotator>.ann` as PolNeAR names them;
// `<name>.jsonld` for Web Annotation) and, when present, `<name>.json` with the article's own
// fields (title, url, publishedAt, outletName, ...). Without it the title is the text's first line.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { AnnotationFileError, AnnotationFileFormat, readAnnotationFile } from '../formats/annotation-files';
import type { OffsetUnit } from './annotated-article';
import type { ImportInput, RawItem } from './import-reader';

const ANNOTATION_FILES: Record<AnnotationFileFormat, (stem: string, names: readonly string[]) => string | undefined> = {
  [AnnotationFileFormat.BRAT]: (stem, names) =>
    names.find((name) => name === `${stem}.ann`) ??
    names.filter((name) => name.startsWith(`${stem}_`) && name.endsWith('.ann')).sort()[0],
  [AnnotationFileFormat.WEB_ANNOTATION]: (stem, names) => names.find((name) => name === `${stem}.jsonld`),
};

async function readIfPresent(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The first line of the text, as a title for an article that comes without one. */
function firstLineOf(text: string): string {
  return (text.split('\n').find((line) => line.trim()) ?? '').trim().slice(0, 300);
}

export interface AnnotationFolderOptions {
  readonly format: AnnotationFileFormat;
  readonly offsets: OffsetUnit;
  /** Run extraction to fill what the annotations leave out. */
  readonly extract: boolean;
}

function parseSidecar(name: string, json: string): Record<string, unknown> {
  try {
    const fields: unknown = JSON.parse(json);
    if (fields && typeof fields === 'object' && !Array.isArray(fields)) return fields as Record<string, unknown>;
  } catch (error) {
    throw new AnnotationFileError(`${name}: not JSON: ${(error as Error).message}`);
  }
  throw new AnnotationFileError(`${name}: must hold a JSON object of the article's fields`);
}

/** One article's item: the sidecar's fields, the text as its body, the annotations read from its file. */
async function itemOf(folder: string, stem: string, annotationFile: string, options: AnnotationFolderOptions) {
  const text = await readFile(path.join(folder, `${stem}.txt`), 'utf8');
  const sidecar = await readIfPresent(path.join(folder, `${stem}.json`));
  const fields = sidecar ? parseSidecar(`${stem}.json`, sidecar) : {};
  const file = await readFile(path.join(folder, annotationFile), 'utf8');
  let read: ReturnType<typeof readAnnotationFile>;
  try {
    read = readAnnotationFile(options.format, text, file, options.offsets);
  } catch (error) {
    if (error instanceof AnnotationFileError) throw new AnnotationFileError(`${annotationFile}: ${error.message}`);
    throw error;
  }
  const { annotations, warnings } = read;
  const value = { title: firstLineOf(text), ...fields, body: text, extract: options.extract, annotations };
  return { value, warnings };
}

export async function annotationFolderInput(folder: string, options: AnnotationFolderOptions): Promise<ImportInput> {
  const names = (await readdir(folder)).sort();
  const stems = names.filter((name) => name.endsWith('.txt')).map((name) => name.slice(0, -'.txt'.length));
  const sizes = await Promise.all(stems.map(async (stem) => (await stat(path.join(folder, `${stem}.txt`))).size));
  return {
    kind: 'folder',
    totalBytes: sizes.reduce((a, b) => a + b, 0),
    items: async function* (): AsyncIterable<RawItem> {
      let bytesRead = 0;
      for (const [i, stem] of stems.entries()) {
        bytesRead += sizes[i];
        const base = { position: i + 1, label: `file ${stem}.txt`, bytesRead };
        const annotationFile = ANNOTATION_FILES[options.format](stem, names);
        if (!annotationFile) {
          yield { ...base, parseError: `no annotation file for ${stem}.txt in the folder` };
          continue;
        }
        try {
          yield { ...base, ...(await itemOf(folder, stem, annotationFile, options)) };
        } catch (error) {
          if (!(error instanceof AnnotationFileError)) throw error;
          yield { ...base, parseError: error.message };
        }
      }
    },
  };
}
