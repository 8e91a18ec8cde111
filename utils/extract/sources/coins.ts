import type { Author, PaperDraft, PaperType } from '../../paper';
import {
  normalizeDoi,
  normalizeIsbn,
  normalizeIssn,
  normalizePmid,
  parseArxivId,
} from '../../paper-ids';
import { parseDate, yearOf } from '../dates';
import { perPage } from '../memo';
import { pageIndex, readMeta } from '../meta';
import { parseName } from '../names';
import { clean, pageRange } from '../text';
import type { MetadataSource } from '../types';

/**
 * COinS: an OpenURL ContextObject in the `title` of a `<span class="Z3988">` (https://ocoins.info/),
 * written by APS, older OJS sites and many library catalogues. Only a page with exactly one COinS
 * span describes itself with it: Wikipedia and blogs carry one per cited work. The referent's format
 * and genre (`rft_val_fmt`, `rft.genre`, `rft.type`) decide whether it is a scholarly work at all.
 * Test pages: journals.aps.org/prl/abstract/10.1103/…
 */

export interface ContextObject {
  draft: PaperDraft;
  /** True when format/genre name a scholarly work (article, proceedings, thesis, report, chapter). */
  scholarly: boolean;
}

export function parseContextObject(kev: string): ContextObject {
  const params = new Map<string, string[]>();
  for (const pair of kev.slice(0, 50_000).split(/&(?:amp;)?/)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent(pair.slice(0, eq).replace(/\+/g, ' '));
      value = decodeURIComponent(pair.slice(eq + 1).replace(/\+/g, ' '));
    } catch {
      continue;
    }
    const list = params.get(key) ?? [];
    if (list.length < 500) list.push(value);
    params.set(key, list);
  }
  const one = (k: string): string | undefined => params.get(k)?.[0];
  const fmt = (one('rft_val_fmt') ?? '').toLowerCase();
  const genre = (one('rft.genre') ?? one('rft.type') ?? '').toLowerCase();
  let type: PaperType | undefined;
  if (/dissertation/.test(fmt) || /thesis|dissertation/.test(genre)) type = 'thesis';
  else if (/proceeding|conference/.test(genre)) type = 'paper-conference';
  else if (/report/.test(genre)) type = 'report';
  else if (/bookitem/.test(genre)) type = 'chapter';
  else if (/preprint/.test(genre)) type = 'article';
  else if (/journal/.test(fmt) && (!genre || /article|journal|issue/.test(genre)))
    type = 'article-journal';
  else if (/book/.test(fmt) && /^(book)?$/.test(genre)) type = 'book';
  const d: PaperDraft = {};
  if (type && type !== 'book') d.type = type;
  const title = clean(
    one('rft.atitle') ?? one('rft.title') ?? one('rft.btitle') ?? one('rft.dc.title'),
    2000,
  );
  if (title) d.title = title;
  const authors: Author[] = [];
  const last = one('rft.aulast');
  if (last) {
    const first = one('rft.aufirst') ?? one('rft.auinit');
    authors.push(first ? { given: first, family: last } : { family: last });
  }
  for (const au of (params.get('rft.au') ?? params.get('rft.creator') ?? []).slice(0, 500)) {
    const a = parseName(au);
    // rft.aulast repeats the first rft.au on many sites.
    if (a && !(authors.length === 1 && last && a.family === last && authors[0]?.family === last))
      authors.push(a);
  }
  if (authors.length) d.authors = authors;
  const issued = parseDate(clean(one('rft.date'), 100));
  if (issued) {
    d.issued = issued;
    d.year = yearOf(issued);
  }
  const venue = clean(one('rft.jtitle') ?? one('rft.btitle') ?? one('rft.stitle'), 500);
  if (venue && venue !== title) d.venue = venue;
  const volume = clean(one('rft.volume'), 40);
  if (volume) d.volume = volume;
  const issue = clean(one('rft.issue'), 40);
  if (issue) d.issue = issue;
  const pages = pageRange(one('rft.spage'), one('rft.epage')) ?? clean(one('rft.pages'), 40);
  if (pages) d.pages = pages;
  const publisher = clean(one('rft.pub') ?? one('rft.publisher'), 300);
  if (publisher) d.publisher = publisher;
  const issn = normalizeIssn(one('rft.issn') ?? one('rft.eissn'));
  if (issn) d.issn = [issn];
  const isbn = normalizeIsbn(one('rft.isbn'));
  if (isbn) d.isbn = [isbn];
  for (const id of [...(params.get('rft_id') ?? []), ...(params.get('rft.identifier') ?? [])].slice(
    0,
    20,
  )) {
    if (!d.doi && /^(?:info:doi\/|doi:|https?:\/\/(?:dx\.)?doi\.org\/)/i.test(id))
      d.doi = normalizeDoi(id);
    else if (!d.pmid && /^info:pmid\//i.test(id)) d.pmid = normalizePmid(id.slice(10));
    else if (!d.arxivId && /arxiv/i.test(id)) d.arxivId = parseArxivId(id)?.id;
  }
  for (const k of Object.keys(d) as (keyof PaperDraft)[]) if (d[k] === undefined) delete d[k];
  return { draft: d, scholarly: !!type && type !== 'book' };
}

/** The page's own ContextObject: present only when the page has exactly one COinS span. */
export const pageContextObject = perPage((doc: Document): ContextObject | undefined => {
  const spans = pageIndex(doc).coins;
  const title = spans.length === 1 ? spans[0]?.getAttribute('title') : undefined;
  return title ? parseContextObject(title) : undefined;
});

/**
 * COinS is how pages without Highwire tags describe themselves; where `citation_title` exists it adds
 * nothing, so the (whole-document) search for COinS spans is skipped there.
 */
export function worthLookingForCoins(doc: Document): boolean {
  return !readMeta(doc).has('citation_title');
}

export const coins: MetadataSource = {
  id: 'coins',
  extract(doc) {
    const co = worthLookingForCoins(doc) ? pageContextObject(doc) : undefined;
    return co?.scholarly ? co.draft : {};
  },
};
