import type { PaperDraft } from '../../paper';
import { findDoi } from '../../paper-ids';
import { parseDate, yearOf } from '../dates';
import { resolveUrl } from '../meta';
import { labelledFields } from '../sources/page';
import { clean, splitKeywords, textOf } from '../text';
import type { SiteExtractor, SiteResult } from '../types';
import { namesFromElements } from './publisher-common';

/**
 * LingBuzz (lingbuzz.net/lingbuzz/NNNNNN, formerly ling.auf.net), the linguistics preprint
 * archive. Its paper pages carry no metadata tags at all; the work is in the layout:
 * - a centred block: the title as a bold link to the current PDF, then the authors as links, one
 *   per name, then the date of the current version ("November 2025"), parted by `<br>`s;
 * - the abstract as bare text between that block and the details table;
 * - the details table, labelled rows: "Format:", "Reference: lingbuzz/006747", "Published in:"
 *   (the published version, often with its DOI), "keywords:", "previous versions:".
 * Links carry session parameters (`?_s=…&_k=…`), which are dropped from the addresses kept.
 *
 * Test URLs: https://lingbuzz.net/lingbuzz/008324, https://ling.auf.net/lingbuzz/006747
 */

const PAPER_PATH = /^\/lingbuzz\/(\d{6})\/?$/;

/** A LingBuzz address without its session parameters. */
function sessionless(href: string | null, base: URL): string | undefined {
  const url = resolveUrl(href, base);
  if (!url) return undefined;
  const u = new URL(url);
  u.search = '';
  return u.href;
}

/** The bare text between the centred block and the details table: the abstract. */
function abstractAfter(block: Element): string | undefined {
  const parts: string[] = [];
  let n = 0;
  for (let node = block.nextSibling; node && n < 200; node = node.nextSibling, n++) {
    if (node.nodeType === 1 && (node as Element).localName === 'table') break;
    parts.push(node.textContent ?? '');
  }
  const text = clean(parts.join(' '), 10_000);
  return text && text.length > 80 ? text : undefined;
}

function paper(doc: Document, url: URL, id: string): SiteResult {
  const block = doc.querySelector('center');
  const titleLink = block?.querySelector('b a, font a');
  const title = textOf(titleLink, 1000);
  if (!block || !titleLink || !title) return { draft: {} };
  const d: PaperDraft = { type: 'article', title, url: `${url.origin}/lingbuzz/${id}` };
  // The authors are the block's own links; the title's link is inside its bold and font tags.
  const authors = namesFromElements(
    Array.from(block.children).filter((el) => el.localName === 'a'),
  );
  if (authors.length) d.authors = authors;
  // The date is the block's last line of text.
  const lines = (block.lastChild?.textContent ?? '').trim();
  const issued = parseDate(lines);
  if (issued) {
    d.issued = issued;
    d.year = yearOf(issued);
  }
  const abstract = abstractAfter(block);
  if (abstract) d.abstract = abstract;
  const pdf = sessionless(titleLink.getAttribute('href'), url);
  if (pdf && /\.pdf$/i.test(pdf)) d.pdfUrl = pdf;
  // The details table's rows are labelled records' rows: "Published in:" is the venue's label,
  // "keywords:" the keywords'. The visible page's reader has read them already (memoised).
  const fields = labelledFields(doc);
  const published = fields.venue;
  if (published) {
    const doi = findDoi(published);
    if (doi) d.doi = doi;
    // The published version's venue, without the year before it and the address after it.
    const venue = published
      .replace(/\bhttps?:\/\/\S+/g, '')
      .replace(/^\s*(?:1[89]|20)\d\d\s*[.,:]\s*/, '')
      .replace(/[\s.,;]+$/, '');
    if (venue) d.venue = venue;
  }
  const keywords = splitKeywords(fields.keywords ?? []);
  if (keywords.length) d.keywords = keywords;
  return { draft: d, kind: 'paper' };
}

export const lingbuzz: SiteExtractor = {
  id: 'lingbuzz',
  testUrls: ['https://lingbuzz.net/lingbuzz/008324', 'https://ling.auf.net/lingbuzz/006747/'],
  matches: (url) => /^(?:www\.)?(?:lingbuzz\.net|ling\.auf\.net)$/i.test(url.hostname),
  extract(doc, url): SiteResult {
    const id = PAPER_PATH.exec(url.pathname)?.[1];
    return id ? paper(doc, url, id) : { draft: {} };
  },
};
