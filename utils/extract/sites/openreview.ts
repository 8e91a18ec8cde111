import type { Author, PaperDraft } from '../../paper';
import { parseDate, yearOf } from '../dates';
import { first, readMeta } from '../meta';
import { parseName } from '../names';
import { clean, dropAbstractLabel, splitKeywords, textOf } from '../text';
import type { SiteExtractor, SiteResult } from '../types';

/**
 * OpenReview forum pages (`openreview.net/forum?id=…`), the current script-rendered layout and the
 * 2018-2022 one. A forum shows the submission first, then reviews and comments in the same markup:
 * only the first note (the submission) is read.
 *
 * The submission lists labelled fields ("Keywords:", "TL;DR:", "Abstract:", "Venue:"): the abstract
 * is the "Abstract" field, never the "TL;DR" one (which some pages put in `og:description`), the
 * keywords come from "Keywords", and "Venue" ("ICLR 2023 poster", "Submitted to ICLR 2024") says
 * whether the paper was accepted at a conference. The id in the URL gives the canonical forum and
 * PDF addresses.
 *
 * Test URLs: https://openreview.net/forum?id=rJ4km2R5t7, https://openreview.net/forum?id=YicbFdNTTy&noteId=abc
 */

const HOST = /(^|\.)openreview\.net$/i;

/** The submission's labelled fields: label (lower case, no colon) -> value text. */
function noteFields(doc: Document): Map<string, string> {
  const fields = new Map<string, string>();
  const note =
    doc.querySelector(
      '.forum-container .forum-note, #forum-note, .forum-note, main .note, #note_children',
    ) ??
    doc.querySelector('.note-content')?.parentElement ??
    null;
  const content = note?.querySelector('.note-content') ?? doc.querySelector('.note-content');
  for (const label of Array.from(content?.querySelectorAll('.note-content-field') ?? []).slice(
    0,
    50,
  )) {
    const name = clean(label.textContent, 60)
      ?.replace(/\s*:\s*$/, '')
      .toLowerCase();
    const valueEl =
      label.parentElement?.querySelector('.note-content-value') ?? label.nextElementSibling;
    const value = clean(valueEl?.textContent);
    if (name && value && !fields.has(name)) fields.set(name, value);
  }
  return fields;
}

function extract(doc: Document, url: URL, base: Readonly<PaperDraft>): SiteResult {
  const draft: PaperDraft = {};
  const id = url.searchParams.get('id');
  const fields = noteFields(doc);

  if (!base.title) {
    const t = textOf(
      doc.querySelector('.forum-title h2, h2.citation_title, .note_content_title, .forum-title'),
      2000,
    );
    if (t) draft.title = t;
  }
  if (!base.authors?.length) {
    const authors = Array.from(
      doc.querySelectorAll('.forum-authors a, .signatures.author a, .meta_row .signatures a'),
    )
      .slice(0, 500)
      .map((a) => parseName(a.textContent))
      .filter((a): a is Author => !!a);
    if (authors.length) draft.authors = authors;
  }

  const abstract = fields.get('abstract');
  const tldr = fields.get('tl;dr') ?? fields.get('tldr') ?? fields.get('one-sentence summary');
  if (abstract && abstract.length > 40) draft.abstract = dropAbstractLabel(abstract);
  else if (tldr && base.abstract && base.abstract.startsWith(tldr.slice(0, 60)))
    draft.abstract = undefined;

  const keywords = fields.get('keywords');
  if (keywords) draft.keywords = splitKeywords([keywords]);

  const venueField =
    fields.get('venue') ?? textOf(doc.querySelector('.forum-meta .item:nth-child(2)'), 200);
  const conference = clean(first(readMeta(doc), 'citation_conference_title'), 500);
  if (venueField && /submitted to|withdrawn|rejected|desk/i.test(venueField)) {
    // Not (yet) published at a venue: an OpenReview preprint.
    draft.type = 'article';
    if (base.venue && base.venue === conference) draft.venue = undefined;
  } else if (conference || venueField) {
    draft.type = 'paper-conference';
    if (!base.venue) draft.venue = conference ?? venueField;
  }

  if (!base.issued) {
    const m = /Published:\s*([^,]+)/i.exec(
      textOf(doc.querySelector('.forum-meta, .date'), 500) ?? '',
    );
    const issued = parseDate(m?.[1]);
    if (issued) {
      draft.issued = issued;
      draft.year = yearOf(issued);
    }
  }
  if (id && /^[\w-]{5,40}$/.test(id)) {
    draft.url = `https://openreview.net/forum?id=${id}`;
    if (!base.pdfUrl) draft.pdfUrl = `https://openreview.net/pdf?id=${id}`;
  }
  return { draft, kind: 'paper' };
}

export const openReview: SiteExtractor = {
  id: 'openreview',
  testUrls: [
    'https://openreview.net/forum?id=rJ4km2R5t7',
    'https://openreview.net/forum?id=YicbFdNTTy&noteId=abc',
  ],
  matches: (url) =>
    HOST.test(url.hostname) && url.pathname === '/forum' && url.searchParams.has('id'),
  extract,
};
