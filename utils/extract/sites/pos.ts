import type { WorkRef } from '../../paper';
import { textOf } from '../text';
import type { SiteExtractor, SiteResult } from '../types';
import { splitByline, workRef, yearInText } from './publisher-common';

/**
 * Proceedings of Science (pos.sissa.it), the open-access proceedings of physics conferences. A
 * volume's page (`/187/`) lists its contributions by session, one table row each: the title
 * (`.contrib_title`), the PoS reference linking to the contribution's page (`.contrib_code`,
 * "PoS(LATTICE 2013)503"), the PDF and the authors (`.contrib_authors`, "H. Wittig, A. Kronfeld").
 * That page is a listing of those works, each with the volume's conference as its venue and the
 * year of its dates. A contribution's own page (`contribution.cgi?id=187/503`) is a labelled record
 * that the generic visible-page reading already handles.
 *
 * Test URLs: https://pos.sissa.it/187/, https://pos.sissa.it/395/
 */

const VOLUME_PATH = /^\/\d{1,4}\/?$/;
const MAX_CONTRIBUTIONS = 2000;

function contributions(doc: Document, url: URL): WorkRef[] {
  const venue = textOf(doc.querySelector('h1'), 300);
  const year = yearInText(textOf(doc.querySelector('.conference_date'), 200));
  const works: WorkRef[] = [];
  const titles = Array.from(doc.querySelectorAll('.contrib_title')).slice(0, MAX_CONTRIBUTIONS);
  for (const title of titles) {
    const row = title.parentElement;
    if (!row) continue;
    const ref = workRef(
      textOf(title, 1000),
      splitByline(textOf(row.querySelector('.contrib_authors'), 3000)),
      {
        year,
        venue,
        href: row.querySelector('.contrib_code a')?.getAttribute('href'),
        base: url,
      },
    );
    if (ref) works.push(ref);
  }
  return works;
}

export const pos: SiteExtractor = {
  id: 'pos',
  testUrls: ['https://pos.sissa.it/187/', 'https://pos.sissa.it/395'],
  matches: (url) => /^(?:www\.)?pos\.sissa\.it$/i.test(url.hostname),
  extract(doc, url): SiteResult {
    if (!VOLUME_PATH.test(url.pathname)) return { draft: {} };
    const works = contributions(doc, url);
    return works.length ? { draft: {}, kind: 'listing', works } : { draft: {} };
  },
};
