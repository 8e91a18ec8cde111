/**
 * Papershelf in the benchmark: `parseHtml` (linkedom) then `extractPage(doc, url)` from
 * `utils/extract/index.ts`, mapped to the scored fields.
 *
 * The extractor is loaded at run time so that the benchmark still runs (peers only) while
 * `utils/extract/index.ts` does not exist yet or fails to load; the report then says why.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PageResult } from '../../utils/paper.ts';
import type { Extracted } from './score.ts';

export type ExtractPage = (doc: Document, url: string | URL) => PageResult;

const EXTRACTOR_PATH = fileURLToPath(new URL('../../utils/extract/index.ts', import.meta.url));

export type LoadResult = { extractPage: ExtractPage } | { error: string };

export async function loadPapershelf(): Promise<LoadResult> {
  if (!existsSync(EXTRACTOR_PATH)) return { error: `${EXTRACTOR_PATH} does not exist yet` };
  try {
    const mod = (await import(pathToFileURL(EXTRACTOR_PATH).href)) as { extractPage?: unknown };
    if (typeof mod.extractPage !== 'function')
      return { error: 'utils/extract/index.ts does not export extractPage' };
    return { extractPage: mod.extractPage as ExtractPage };
  } catch (e) {
    return { error: `utils/extract/index.ts failed to load: ${String(e)}` };
  }
}

/**
 * PageResult -> scored fields. The fields come from `paper` whenever the extractor returned one, even
 * on a page it did not call a paper (so a detection miss and a field miss are reported separately);
 * authors are passed structured, and the family key is taken from `family` (or `literal`).
 */
export function mapPageResult(result: PageResult): Extracted {
  const p = result.paper;
  return {
    title: p?.title,
    authors: p?.authors,
    year: p?.year ?? (p?.issued ? Number(p.issued.date.slice(0, 4)) : undefined),
    doi: p?.doi,
    arxivId: p?.arxivId,
    abstract: p?.abstract,
    detected: result.detected === true,
    kind: result.kind,
    sources: p?.sources
      ? {
          title: p.sources.title,
          authors: p.sources.authors,
          year: p.sources.year ?? p.sources.issued,
          doi: p.sources.doi,
          arxiv_id: p.sources.arxivId,
          abstract: p.sources.abstract,
        }
      : undefined,
  };
}
