/**
 * Scholarly identifiers: recognising and normalising DOIs, arXiv ids, PubMed ids (PMID), PubMed Central
 * ids (PMCID), ISSNs and ISBNs, wherever they are written (bare, as `doi:`/`arXiv:` labels, or inside a
 * resolver or landing-page URL). Pure string functions shared by the extractors, the library (dedupe)
 * and the formats. Every function returns `undefined` for input it does not recognise, never throws.
 */

/**
 * A DOI anywhere in a string: `10.` + registrant + `/` + suffix up to a space or a quote. Angle
 * brackets stay in: Wiley's 1990s SICI DOIs have them (`10.1002/(SICI)…<294::AID-JBM20>3.0.CO;2-7`);
 * a closing one that only delimits the DOI is trimmed below.
 */
const DOI_IN_TEXT = /\b(10\.\d{4,9}\/[^\s"']+)/i;

/**
 * Normalises a DOI written any way people write it (`doi:10.1/X`, `https://doi.org/10.1/X`,
 * `https://dx.doi.org/10.1%2FX`, `DOI 10.1/X.`) to its bare lowercase form `10.1/x`.
 * DOIs are case-insensitive (DOI Handbook 2.4), so lowercase is the canonical comparison form.
 */
export function normalizeDoi(input: string | null | undefined): string | undefined {
  if (!input) return undefined;
  let s = String(input).slice(0, 2000).trim();
  if (/%2f/i.test(s) || /%3c|%3e|%20/i.test(s)) {
    try {
      s = decodeURIComponent(s);
    } catch {
      // Malformed escapes: keep the raw string and let the pattern decide.
    }
  }
  const m = DOI_IN_TEXT.exec(s);
  if (!m?.[1]) return undefined;
  let doi = m[1];
  // Cut at URL query/fragment markers that cannot belong to a DOI taken from a link.
  doi = doi.replace(/[?#].*$/, '');
  // Landing-page URLs append views to the DOI (`/abstract`, `/full`, `/pdf`): not part of the DOI.
  doi = doi.replace(
    /\/(abstract|full|pdf|epdf|fulltext|html|references|citedby|suppl_file)(\/.*)?$/i,
    '',
  );
  // Trailing punctuation from prose ("see doi:10.1/x."), and unbalanced closing brackets.
  for (;;) {
    const before = doi;
    doi = doi.replace(/[.,;:'"\]}>]+$/, '');
    if (doi.endsWith(')') && count(doi, '(') < count(doi, ')')) doi = doi.slice(0, -1);
    if (doi === before) break;
  }
  if (!/^10\.\d{4,9}\/\S+$/.test(doi)) return undefined;
  return doi.toLowerCase();
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

/** Finds the first DOI in free text, normalised, or `undefined`. */
export function findDoi(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  const m = DOI_IN_TEXT.exec(text.slice(0, 100_000));
  return m ? normalizeDoi(m[1]) : undefined;
}

export interface ArxivId {
  /** Without version: `1706.03762`, `hep-th/9901001`. */
  id: string;
  /** `v7`, when given. */
  version?: string;
}

/** New-style (2007+) ids: YYMM.NNNN or YYMM.NNNNN, optional version. */
const ARXIV_NEW = /(?:^|[^\d.])(\d{4}\.\d{4,5})(v\d+)?(?![\d])/;
/** Old-style ids: archive(.SUBJ)/YYMMNNN, optional version. */
const ARXIV_OLD = /(?:^|[^a-z-])([a-z]+(?:-[a-z]+)?(?:\.[A-Z]{2})?\/\d{7})(v\d+)?(?!\d)/i;

/**
 * Parses an arXiv identifier from `1706.03762v7`, `arXiv:1706.03762`, `hep-th/9901001v2`,
 * `https://arxiv.org/abs/1706.03762v7`, `https://arxiv.org/pdf/1706.03762v7.pdf` or the arXiv DOI
 * `10.48550/arXiv.1706.03762`. The version is returned apart from the id.
 */
export function parseArxivId(input: string | null | undefined): ArxivId | undefined {
  if (!input) return undefined;
  // The arXiv DOI (10.48550/arXiv.ID) names the id after a dot.
  const s = String(input)
    .slice(0, 2000)
    .trim()
    .replace(/10\.48550\/arxiv\./i, 'arXiv:');
  // A bare number like 1234.5678 in arbitrary text is not enough on its own: accept it when the whole
  // string is the id, or when it is labelled (arXiv:, arxiv.org/…, the arXiv DOI prefix).
  const labelled = /arxiv/i.test(s);
  const bare = /^(?:\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)?(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?$/i.test(s);
  if (!labelled && !bare) return undefined;
  const m = ARXIV_NEW.exec(s) ?? ARXIV_OLD.exec(s);
  if (!m?.[1]) return undefined;
  const id = m[1];
  if (/^\d/.test(id)) {
    const month = Number(id.slice(2, 4));
    if (month < 1 || month > 12) return undefined;
  }
  return m[2] ? { id, version: m[2].toLowerCase() } : { id };
}

/** A PubMed id: digits only (1–9 of them), from `12345678`, `PMID: 12345678` or a PubMed URL. */
export function normalizePmid(input: string | null | undefined): string | undefined {
  if (!input) return undefined;
  const s = String(input).slice(0, 500).trim();
  const url = /pubmed(?:\.ncbi\.nlm\.nih\.gov|\/)\/?(?:pubmed\/)?(\d{1,9})\b/i.exec(s);
  if (url?.[1]) return stripZeros(url[1]);
  // Entrez's older links: "…/entrez/query.fcgi?cmd=Retrieve&db=PubMed&list_uids=10592235".
  const entrez = /(?:entrez|pubmed)\S*?[?&](?:amp;)?list_uids=(\d{1,9})\b/i.exec(s);
  if (entrez?.[1]) return stripZeros(entrez[1]);
  const m = /^(?:pmid\s*:?\s*)?(\d{1,9})$/i.exec(s);
  return m?.[1] ? stripZeros(m[1]) : undefined;
}

function stripZeros(digits: string): string | undefined {
  const v = digits.replace(/^0+/, '');
  return v ? v : undefined;
}

/** A PubMed Central id with its `PMC` prefix: from `PMC3531190`, `3531190` (when labelled) or a PMC URL. */
export function normalizePmcid(input: string | null | undefined): string | undefined {
  if (!input) return undefined;
  const s = String(input).slice(0, 500).trim();
  const m = /\bPMC\s*:?\s*(\d{1,9})\b/i.exec(s) ?? /^(?:pmcid\s*:?\s*)?(\d{1,9})$/i.exec(s);
  const digits = m?.[1] ? stripZeros(m[1]) : undefined;
  return digits ? `PMC${digits}` : undefined;
}

/** An ISSN as `NNNN-NNNC` (C a digit or X), when its check digit is right. */
export function normalizeIssn(input: string | null | undefined): string | undefined {
  if (!input) return undefined;
  const m = /\b(\d{4})-?(\d{3}[\dXx])\b/.exec(String(input).slice(0, 200));
  if (!m?.[1] || !m[2]) return undefined;
  const digits = (m[1] + m[2]).toUpperCase();
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(digits[i]) * (8 - i);
  const check = (11 - (sum % 11)) % 11;
  const expected = check === 10 ? 'X' : String(check);
  if (digits[7] !== expected) return undefined;
  return `${digits.slice(0, 4)}-${digits.slice(4)}`;
}

/** An ISBN-10 or ISBN-13 as bare digits (and X), when its check digit is right. */
export function normalizeIsbn(input: string | null | undefined): string | undefined {
  if (!input) return undefined;
  const s = String(input)
    .slice(0, 200)
    .replace(/^\s*isbn(?:-1[03])?\s*:?\s*/i, '')
    .replace(/[\s-]/g, '')
    .toUpperCase();
  if (/^\d{13}$/.test(s)) {
    let sum = 0;
    for (let i = 0; i < 12; i++) sum += Number(s[i]) * (i % 2 ? 3 : 1);
    return (10 - (sum % 10)) % 10 === Number(s[12]) ? s : undefined;
  }
  if (/^\d{9}[\dX]$/.test(s)) {
    let sum = 0;
    for (let i = 0; i < 10; i++) sum += (s[i] === 'X' ? 10 : Number(s[i])) * (10 - i);
    return sum % 11 === 0 ? s : undefined;
  }
  return undefined;
}

/** The DOI resolver link for a normalised DOI. */
export function doiUrl(doi: string): string {
  return `https://doi.org/${doi}`;
}
