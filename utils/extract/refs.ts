import type { Author, WorkRef } from '../paper';
import { findDoi, normalizeDoi, normalizePmid, parseArxivId } from '../paper-ids';
import { resolveUrl } from './meta';
import { parseName } from './names';
import { clean } from './text';

/**
 * Reading one reference of a printed reference list: the helpers PubMed's, PMC's and the visible
 * page's reference readers share (sites/pubmed.ts, sites/pmc.ts, sources/references.ts).
 */

/**
 * A MEDLINE-style name, "Powell DJ", "Skladanowski AC": surname, then up to four capital initials.
 * PubMed and PMC write every name this way, so initials with vowels ("AC") are initials here; other
 * forms (full names on the current layout, "Consortium" names) go to the generic name parser.
 */
export function medlineName(raw: string | null | undefined): Author | undefined {
  const s = clean(raw, 300)?.replace(/[.,;]+$/, '');
  if (!s) return undefined;
  const m = /^(\p{Lu}[\p{L}'’ -]*\p{Ll}[\p{L}'’-]*)\s+(\p{Lu}{1,4})$/u.exec(s);
  if (m?.[1] && m[2]) return { given: m[2], family: m[1] };
  return parseName(s);
}

/**
 * A reference string as PubMed and PMC print them, Vancouver ("Benson DA, Karsch-Mizrachi I, et al.
 * GenBank. Nucleic Acids Res. 2012;40:D48–D53. doi: 10.1093/…") or name-year ("Al-Rubeai M, Singh RP
 * (1995a) Death mechanisms of animal cells. Biotechnol Bioeng 45:463–472"). Authors and title are
 * only split off when the leading part really reads as a list of MEDLINE names; otherwise the string
 * is kept raw with whatever year and DOI it holds.
 */
export function parseVancouver(raw: string): WorkRef {
  const text = clean(raw, 3000) ?? '';
  const ref: WorkRef = { authors: [], raw: text };
  const nameYear = /^(.+?)\s+\(((?:19|20)\d\d)[a-z]?\)\.?\s+(.+?[.?!])\s+(.*)$/.exec(text);
  const vancouver = nameYear ? null : /^(.+?)\.\s+(.+?[.?!])\s+(.*)$/.exec(text);
  const m = nameYear ? [nameYear[0], nameYear[1], nameYear[3], nameYear[4]] : vancouver;
  const names =
    m?.[1]
      ?.replace(/,?\s+et al\.?$/, '')
      .split(/\s*,\s*/)
      .map((n) => n.trim()) ?? [];
  const looksLikeAuthors =
    names.length > 0 &&
    names.every(
      (n) =>
        /^\p{Lu}[\p{L}'’ -]*\p{Ll}[\p{L}'’-]*\s\p{Lu}{1,4}$/u.test(n) ||
        /consortium|group/i.test(n),
    );
  if (m && looksLikeAuthors) {
    ref.authors = names.map((n) => medlineName(n)).filter((a): a is Author => !!a);
    // "Authors. 2013. Title. Journal …" (PeerJ, Harvard): the year stands where the title would.
    const yearFirst = /^((?:19|20)\d\d)[a-z]?\.$/.exec(m[2] ?? '');
    const rest = yearFirst ? /^(.+?[.?!])(?:\s+(.*))?$/.exec(m[3] ?? '') : null;
    ref.title = (rest ? rest[1]! : m[2]!).replace(/\.$/, '');
    const venue = /^([^.\d]+?)(?:\.\s|\s+\d)/.exec((rest ? rest[2] : m[3]) ?? '');
    if (venue?.[1]) ref.venue = venue[1].trim();
    if (yearFirst?.[1]) ref.year = Number(yearFirst[1]);
  }
  if (!ref.authors.length) readInitialsFirst(text, ref);
  if (ref.year === undefined && nameYear?.[2]) ref.year = Number(nameYear[2]);
  else if (ref.year === undefined) {
    const year =
      /(?:^|[.;]\s)((?:19|20)\d\d)\b/.exec(m?.[3] ?? text) ?? /\b((?:19|20)\d\d)\b/.exec(text);
    if (year?.[1]) ref.year = Number(year[1]);
  }
  const doi = findDoi(text);
  if (doi) ref.doi = doi;
  return ref;
}

/**
 * A name written initials first, "J.R. Fuchs", "C. Lobato da Silva", "J.-P. Vacanti": capital
 * initials with full stops, then a capitalised family name (a particle before it, a second part
 * after it).
 */
const INITIALS_NAME =
  /^(?:\p{Lu}\p{Ll}?\.[\s-]?)+(?:(?:da|de|del|della|der|di|dos|du|la|le|van|von)\s)*\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}'’-]*(?:\s(?:(?:da|de|del|der|di|dos|du|van|von)\s)?\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}'’-]*)?$/u;
/** Most names read from one entry. */
const MAX_REF_AUTHORS = 100;

/**
 * The end of a physics journal's entry: ", Journal Abbrev. volume, page (year)." ("…, Phys. Rep.
 * 417, 1 (2005).") or an arXiv identifier (", arXiv:2010.00699.").
 */
const PHYSICS_TAIL =
  /,\s+(\p{Lu}[^,]*?)\s+\d+[A-Z]?,\s+[A-Z]?\d+(?:\([A-Z]\))?\s+\((?:19|20)\d\d\)\.?$/u;
const ARXIV_TAIL = /,\s+arXiv:(\S+?)\.?$/;

/**
 * Entries whose names come initials first. Elsevier's older style, "J.R. Fuchs, B.A. Nasseri and
 * J.P. Vacanti, Tissue engineering: a 21st century solution. Ann Thorac Surg 72 2 (2001), pp.
 * 577–591.", and physics journals', "A. Brandenburg and K. Subramanian, Astrophysical Magnetic
 * Fields and Nonlinear Dynamo Theory, Phys. Rep. 417, 1 (2005)." (or without the title: "F. Rincon,
 * J. Plasma Phys. 85, 205850401 (2019)."). The names are the leading parts, up to a comma, that are
 * each one such name; a part "X and Y" ends them. The title is what comes before the journal's tail
 * (physics), or up to the first full stop (Elsevier), when it has two words or more.
 */
function readInitialsFirst(text: string, ref: WorkRef): void {
  const names: string[] = [];
  let pos = 0;
  while (names.length < MAX_REF_AUTHORS) {
    const comma = text.indexOf(', ', pos);
    if (comma < 0) break;
    // "X and Y", ", and Y" (a serial comma) and "X et al." each end the names.
    const raw = text.slice(pos, comma);
    const last = /^and\s|\sand\s|\set al\.?$/.test(raw);
    const part = raw.replace(/^and\s+|\s+et al\.?$/g, '').split(/\s+and\s+/);
    // A name is short; a long part is none (and is not handed to the pattern's backtracking).
    if (!part.every((n) => n.length <= 60 && INITIALS_NAME.test(n))) break;
    names.push(...part);
    pos = comma + 2;
    if (last) break;
  }
  // A name the pattern does not know ("E. M. de Gouveia Dal Pino") cut the list short: its rest is
  // no title, and its names are not all the authors.
  if (!names.length || /^(?:\p{Lu}\p{Ll}?\.[\s-]?)+\p{L}/u.test(text.slice(pos))) return;
  ref.authors = names.map((n) => parseName(n)).filter((a): a is Author => !!a);
  const rest = text.slice(pos);
  let title: string | undefined;
  let venue: string | undefined;
  const tail = PHYSICS_TAIL.exec(rest) ?? ARXIV_TAIL.exec(rest);
  if (tail) {
    title = rest.slice(0, tail.index);
    if (tail[0].includes('arXiv:')) {
      const id = parseArxivId(`arXiv:${tail[1] ?? ''}`);
      if (id) ref.arxivId = id.id;
    } else venue = tail[1];
  } else {
    const m = /^(.+?[.?!])\s+(\p{Lu}.*)$/u.exec(rest);
    title = m?.[1]?.replace(/\.$/, '');
    // "…, Dokl. Akad. Nauk SSSR 30, 301 (1941) [Proc. …]": a physics entry whose tail is not the
    // usual one, cut at its journal's first abbreviation.
    if (title && /,\s+\p{Lu}\p{Ll}{0,5}$/u.test(title)) return;
    venue = /^([^\d(]+?)\.?\s*(?:\d|\()/.exec(m?.[2] ?? '')?.[1];
  }
  if (!title || !/\S\s+\S/.test(title)) return;
  ref.title = title;
  if (venue?.trim()) ref.venue = venue.trim();
}

/** Links that are no address of the work: searches, abstracting services, link resolvers. */
const NOT_ADDRESS =
  /^(?:javascript|mailto):|scholar\.google|\/(?:\?|search)|findArticle|\bcas\.org\b|cas-redirect|\/servlet\/linkout|openurl|\/sfx/i;
const ABSOLUTE = /^[a-z][a-z\d+.-]*:/i;

/**
 * What a reference's links give: its DOI ("doi.org/10.…") and PMID (a PubMed link), the first link
 * that can stand for the work (no in-page anchor, search, abstracting service or link resolver),
 * and, returned, its Google Scholar lookup link, which the caller reads (`scholarLookup`). Links are
 * read as strings; only those that can name a PMID or be the work's address are resolved (resolving
 * every link of a long list costs more than reading the list).
 */
export function refLinks(li: Element, ref: WorkRef, base: URL): string | undefined {
  let lookup: string | undefined;
  let address: string | undefined;
  const links = li.getElementsByTagName('a');
  for (let i = 0; i < links.length && i < 20; i++) {
    const raw = links[i]!.getAttribute('href')?.trim();
    if (!raw || raw.startsWith('#')) continue;
    if (raw.includes('scholar_lookup')) {
      lookup ??= raw;
      continue;
    }
    if (!ref.doi) {
      const doi = linkedDoi(raw);
      if (doi) ref.doi = doi;
    }
    // A relative link on a PubMed page is a PubMed link too.
    if (!ref.pmid && /pubmed/i.test(ABSOLUTE.test(raw) ? raw : `${raw} ${base.hostname}`)) {
      const href = resolveUrl(raw, base);
      const pmid = href
        ? (normalizePmid(href) ?? /\/(\d{1,9})\/?$/.exec(new URL(href).pathname)?.[1])
        : undefined;
      if (pmid) ref.pmid = pmid;
    }
    if (!address && !NOT_ADDRESS.test(raw)) address = raw;
  }
  if (!ref.url) {
    const href = resolveUrl(address, base);
    if (href) ref.url = href;
  }
  return lookup;
}

/**
 * The DOI a link names: a resolver link ("doi.org/10.…"), or a redirect that carries one in its query
 * (`…?_targetURL=http%3A%2F%2Fdx.doi.org%2F10.1002%2F…`, as ScienceDirect's older pages link Crossref).
 */
function linkedDoi(raw: string): string | undefined {
  if (/doi\.org\/10\./i.test(raw)) return normalizeDoi(raw);
  const q = raw.indexOf('?');
  if (q < 0 || !/doi\.org%2F10\./i.test(raw)) return undefined;
  for (const v of new URLSearchParams(raw.slice(q + 1)).values())
    if (/doi\.org\/10\./i.test(v)) return normalizeDoi(v);
  return undefined;
}

/**
 * The fields of a reference's Google Scholar lookup link (`scholar_lookup?title=…&author=…`) over
 * those its printed string gave; its authors only when it lists as many (a lookup lists a few at
 * most, the printed entry may list more).
 */
export function applyLookup(ref: WorkRef, href: string | null | undefined): void {
  const lookup = href ? scholarLookup(href) : undefined;
  if (!lookup) return;
  if (lookup.authors && ref.authors.length > lookup.authors.length) delete lookup.authors;
  Object.assign(ref, lookup);
}

/**
 * A lookup value whose words are joined by "+" and that has no space: an address encoded twice (a
 * space written "%2B", Frontiers), whose "+" are the spaces. A "+" beside another ("C++") stays.
 */
function spaced(v: string | null): string | null {
  return v && !/\s/.test(v) ? v.replace(/(?<=[^+])\+(?=[^+])/g, ' ') : v;
}

const ISSUE_PARAMS = ['volume', 'issue', 'pages'];

/** The fields of a Google Scholar lookup address. */
export function scholarLookup(href: string): Partial<WorkRef> | undefined {
  // Its query, read without parsing the whole address.
  const q = href.indexOf('?');
  if (q < 0) return undefined;
  const params = new URLSearchParams(href.slice(q + 1).split('#')[0]);
  const out: Partial<WorkRef> = {};
  const title = clean(spaced(params.get('title')), 1000);
  if (title) out.title = title.replace(/\.$/, '');
  const authors = params
    .getAll('author')
    // Some sites join the names with "author=" but no "&" ("author=SK+Peasahauthor=E+Azziz").
    .flatMap((n) => n.split('author='))
    // Frontiers writes initials with their stops and joins them with one more ("C. P. G.. Allen").
    .map((n) => (spaced(n) ?? '').replace(/\.{2,}/g, '.'))
    .filter((n) => n.trim() && !/^et\.? al\.?$/i.test(n.trim()))
    .slice(0, 200)
    // The lookup writes "DA Benson" or "M. D. Girardeau": initials first (not a degree's letters).
    .map((n) => {
      const m = /^(?:(\p{Lu}{1,4})\s+|((?:\p{Lu}\.\s*)+))(\p{L}.*)$/u.exec(n.trim());
      const given = (m?.[1] ?? m?.[2])?.trim();
      return given && m?.[3] ? { given, family: m[3] } : medlineName(n);
    })
    .filter((x): x is Author => !!x);
  if (authors.length) out.authors = authors;
  const year = Number(params.get('publication_year'));
  if (Number.isInteger(year) && year > 1500) out.year = year;
  const venue = clean(spaced(params.get('journal')), 300)?.replace(/\.$/, '');
  // A lookup with no title and nothing of an issue (volume, issue, pages) names a book by its
  // title: Frontiers writes a book's title as the "journal". An article without its title (physics
  // lists, Springer's lookups of them) still has its volume and pages.
  if (venue && !out.title && !ISSUE_PARAMS.some((k) => params.get(k)?.trim())) out.title = venue;
  else if (venue) out.venue = venue;
  const doi = normalizeDoi(params.get('doi'));
  if (doi) out.doi = doi;
  const pmid = normalizePmid(params.get('pmid'));
  if (pmid) out.pmid = pmid;
  return out;
}
