import type { PaperDraft, PaperType, WorkRef } from '../../paper';
import { findDoi, normalizeDoi } from '../../paper-ids';
import { parseDate, yearOf } from '../dates';
import { first, readMeta, resolveUrl } from '../meta';
import { blockText, clean, dropAbstractLabel, splitKeywords, textOf } from '../text';
import type { SiteExtractor, SiteResult } from '../types';
import {
  dateInText,
  namesFromElements,
  namesFromParts,
  onHost,
  safeDecode,
  workRef,
  yearInText,
} from './publisher-common';

/**
 * ACM Digital Library (dl.acm.org): work pages `/doi/<doi>` (also `/doi/abs/`, `/doi/full/`,
 * `/doi/10.5555/…` for works ACM indexes but did not publish), proceedings and issue tables of
 * contents, and search results.
 *
 * The head carries Dublin Core (`dc.Title`, one `dc.Creator` per author, `dc.Identifier` DOI,
 * `dc.Date`) that the generic sources read. What it gets wrong or misses, read here from the page:
 * - the abstract: `dc.Description` is missing or a stub on many pages; the visible abstract is
 *   `section#abstract` (2024 layout, `div[role=paragraph]`) or `.abstractSection.abstractInFull`
 *   (2020–2023 layout);
 * - authors: the visible byline has the name parts in RDFa (`property=givenName|familyName`) in the
 *   2024 layout, and whole names in `.loa__author-name` before; read when the head has none;
 * - the type and venue: `pbContext`'s `csubtype` says conference, journal, magazine, book…; the venue
 *   is the proceedings or journal title (`isPartOf`, `.epub-section__title`);
 * - author keywords (`keywords` meta, the "Author Tags" list): kept; the CCS concepts ("Index
 *   Terms") are ACM's classification and are not taken as keywords;
 * - references: the bibliography lists each cited work as text with "Digital Library"/"Cross Ref"
 *   links, kept raw with the DOI the links give.
 * Tables of contents and search results (`.issue-item`) are listings.
 *
 * Test URLs: https://dl.acm.org/doi/10.1145/3292500.3330701,
 * https://dl.acm.org/doi/abs/10.1145/3442188.3445922, https://dl.acm.org/doi/proceedings/10.1145/3292500,
 * https://dl.acm.org/action/doSearch?AllField=graph+neural+networks, https://dl.acm.org/toc/cacm/2021/64/1
 */

const MAX_REFS = 2000;

function pbSubtype(doc: Document): string | undefined {
  const ctx = first(readMeta(doc), 'pbcontext') ?? '';
  return /csubtype:string:(\w+)/i.exec(ctx)?.[1]?.toLowerCase();
}

function typeOf(subtype: string | undefined): PaperType | undefined {
  if (!subtype) return undefined;
  if (subtype === 'conference') return 'paper-conference';
  if (/^(?:journal|periodical|magazine|newsletter)$/.test(subtype)) return 'article-journal';
  if (subtype === 'report' || subtype === 'rfc') return 'report';
  if (subtype === 'thesis') return 'thesis';
  if (subtype === 'book') return 'chapter';
  if (subtype === 'dataset') return 'dataset';
  return undefined;
}

function visibleAbstract(doc: Document): string | undefined {
  const box = doc.querySelector(
    'section#abstract, #summary-abstract, .abstractSection.abstractInFull, div.abstractSection, [property="abstract"]',
  );
  const text = blockText(box, 20_000, (e) => /^h[1-6]$/.test(e.localName));
  return text && text.length > 40 ? dropAbstractLabel(text) : undefined;
}

function visibleAuthors(doc: Document): PaperDraft['authors'] {
  const rdfa = doc.querySelectorAll(
    'header [property="author"], .core-container [property="author"], [property="author"][typeof="Person"]',
  );
  const byParts = namesFromParts(
    Array.from(rdfa).filter((e) => !e.parentElement?.closest('[property="author"]')),
    '[property="givenName"]',
    '[property="familyName"]',
    '[property="name"]',
  );
  if (byParts.length) return byParts;
  const names = namesFromElements(
    doc.querySelectorAll('.citation .loa__author-name, .loa .loa__author-name'),
  );
  return names.length ? names : undefined;
}

function references(doc: Document, url: URL): WorkRef[] {
  const items = doc.querySelectorAll(
    '#bibliography [role="listitem"], ol.references__list > li, ol.rlist.references__list > li',
  );
  const refs: WorkRef[] = [];
  for (const li of Array.from(items).slice(0, MAX_REFS)) {
    const note = li.querySelector('.references__note, .citation-content') ?? li;
    // The raw citation without the link labels ("Digital Library", "Google Scholar", "Cross Ref").
    const raw = clean(
      Array.from(note.childNodes)
        .filter(
          (n) =>
            !(
              n.nodeType === 1 &&
              ((n as Element).matches('.external-links, .references__suffix, a') ||
                (n as Element).querySelector('a[href*="scholar.google"]'))
            ),
        )
        .map((n) => n.textContent ?? '')
        .join(' '),
      2000,
    );
    if (!raw || raw.length < 10) continue;
    const links = Array.from(li.querySelectorAll('a[href]')).map(
      (a) => a.getAttribute('href') ?? '',
    );
    const doiLink = links.find((h) => /doi\.org\/10\.|\/doi\/(?:abs\/|full\/)?10\./.test(h));
    const ref: WorkRef = { authors: [], raw };
    const doi = normalizeDoi(doiLink) ?? findDoi(raw);
    if (doi) ref.doi = doi;
    const year = yearInText(raw);
    if (year) ref.year = year;
    const dl = resolveUrl(
      links.find((h) => /\/doi\/(?:abs\/|full\/)?10\./.test(h)),
      url,
    );
    if (dl) ref.url = dl;
    refs.push(ref);
  }
  return refs;
}

function work(doc: Document, url: URL, base: Readonly<PaperDraft>): SiteResult {
  const d: PaperDraft = {};
  if (!base.title) {
    const t = textOf(
      doc.querySelector('h1[property="name"], .core-container h1, h1.citation__title'),
      2000,
    );
    if (t) d.title = t;
  }
  if (!base.authors?.length) {
    const authors = visibleAuthors(doc);
    if (authors?.length) d.authors = authors;
  }
  const abs = visibleAbstract(doc);
  if (abs && (!base.abstract || abs.length > base.abstract.length)) d.abstract = abs;
  const type = typeOf(pbSubtype(doc));
  if (type) d.type = type;
  const venue =
    textOf(
      doc.querySelector(
        '[property="isPartOf"] [property="name"], .core-self-citation [property="isPartOf"]',
      ),
      500,
    ) ?? textOf(doc.querySelector('.epub-section__title, .issue-item__detail a'), 500);
  if (venue && !base.venue) d.venue = venue;
  if (!base.issued) {
    const raw = textOf(
      doc.querySelector(
        '[property="datePublished"], .core-date-published, .CitationCoverDate, .epub-section__date',
      ),
      100,
    );
    const issued = parseDate(raw) ?? dateInText(raw);
    if (issued) {
      d.issued = issued;
      d.year = yearOf(issued);
    }
  }
  if (!base.doi) {
    const doi = normalizeDoi(
      safeDecode(url.pathname.replace(/^\/doi\/(?:abs\/|full\/|pdf\/|epdf\/)?/, '')),
    );
    if (doi) d.doi = doi;
  }
  const keywords = first(readMeta(doc), 'keywords');
  if (keywords) d.keywords = splitKeywords([keywords]);
  const refs = references(doc, url);
  if (refs.length && !base.references?.length) d.references = refs;
  const doi = d.doi ?? base.doi;
  if (doi) {
    d.url = `https://dl.acm.org/doi/${doi}`;
    if (!base.pdfUrl && doc.querySelector(`a[href*="/doi/pdf/"]`))
      d.pdfUrl = `https://dl.acm.org/doi/pdf/${doi}`;
  }
  return { draft: d, kind: d.title || base.title ? 'paper' : undefined };
}

function listing(doc: Document, url: URL): WorkRef[] {
  const works: WorkRef[] = [];
  for (const item of Array.from(doc.querySelectorAll('.issue-item')).slice(0, 1000)) {
    const link = item.querySelector('.issue-item__title a, h5 a, h3 a');
    if (!link) continue;
    const authors = namesFromElements(
      item.querySelectorAll('.loa li a span, ul[aria-label="authors"] li a, .rlist--inline.loa a'),
    );
    const dateText = textOf(
      item.querySelector('.bookPubDate, .dot-separator, .issue-item__detail'),
      300,
    );
    const href = link.getAttribute('href');
    const ref = workRef(textOf(link), authors, {
      year: yearOf(dateInText(dateText)) ?? yearInText(dateText),
      venue: textOf(item.querySelector('.issue-item__detail a, .epub-section__title'), 300),
      href,
      base: url,
      doi: href && /\/doi\/(?:abs\/|full\/)?10\./.test(href) ? normalizeDoi(href) : undefined,
    });
    if (ref) works.push(ref);
  }
  return works;
}

export const acm: SiteExtractor = {
  id: 'acm',
  testUrls: [
    'https://dl.acm.org/doi/10.1145/3292500.3330701',
    'https://dl.acm.org/doi/abs/10.1145/3442188.3445922',
    'https://dl.acm.org/doi/proceedings/10.1145/3292500',
    'https://dl.acm.org/action/doSearch?AllField=graph+neural+networks',
    'https://dl.acm.org/toc/cacm/2021/64/1',
  ],
  matches: (url) => onHost(url, 'dl.acm.org'),
  extract(doc, url, base): SiteResult {
    const p = url.pathname;
    if (/^\/(?:action\/doSearch|toc\/|doi\/proceedings\/|topic\/|keyword\/|profile\/)/.test(p)) {
      const works = listing(doc, url);
      return works.length ? { draft: {}, kind: 'listing', works } : { draft: {} };
    }
    if (/^\/doi\//.test(p)) return work(doc, url, base);
    return { draft: {} };
  },
};
