import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../utils/extract/index';
import { acl, anthologyId, idYear } from '../../../utils/extract/sites/acl';
import { parsers } from './helpers';

const family = (as: { family?: string; literal?: string }[] | undefined): (string | undefined)[] =>
  (as ?? []).map((a) => a.family ?? a.literal);

describe.each([0, 1])('ACL Anthology (parser %i)', (p) => {
  const load = (name: string): Document => parsers(name)[p]![1];

  it('paper page: Highwire tags plus the abstract card, type and canonical address', () => {
    const result = extractPage(load('acl-paper.html'), 'https://aclanthology.org/2020.acl-main.1/');
    expect(result.kind).toBe('paper');
    const paper = result.paper!;
    expect(paper.title).toBe('Learning Child-directed Speech');
    expect(family(paper.authors)).toEqual(['Gelderloos', 'Chrupała']);
    expect(paper.abstract).toBe(
      'Speech directed to children differs from adult-directed speech in linguistic aspects such as repetition and word choice.',
    );
    expect(paper.sources.abstract).toBe('site:acl');
    expect(paper).toMatchObject({
      type: 'paper-conference',
      doi: '10.18653/v1/2020.acl-main.1',
      year: 2020,
      venue:
        'Proceedings of the 58th Annual Meeting of the Association for Computational Linguistics',
      pdfUrl: 'https://aclanthology.org/2020.acl-main.1.pdf',
      url: 'https://aclanthology.org/2020.acl-main.1/',
    });
  });

  it('a page without meta tags: title, authors, date and venue from the page', () => {
    const { draft, kind } = acl.extract(
      load('acl-old-no-meta.html'),
      new URL('https://www.aclweb.org/anthology/P99-1001/'),
      {},
    );
    expect(kind).toBe('paper');
    expect(draft).toMatchObject({
      title: 'Parsing with Grammars',
      issued: { date: '1999-06', precision: 'month' },
      venue: 'Proceedings of the 37th Annual Meeting of the ACL',
      pages: '1–8',
      pdfUrl: 'https://www.aclweb.org/P99-1001.pdf',
      url: 'https://aclanthology.org/P99-1001/',
    });
    expect(family(draft.authors)).toEqual(['Copestake', 'Flickinger']);
  });

  it('volume pages are listings; abstracts and badges are not entries', () => {
    const result = extractPage(
      load('acl-volume.html'),
      'https://aclanthology.org/volumes/2020.acl-main/',
    );
    expect(result.kind).toBe('listing');
    expect(result.works?.map((w) => w.title)).toEqual([
      'Proceedings of the 58th Annual Meeting',
      'Learning Child-directed Speech',
    ]);
    expect(result.works?.[1]).toMatchObject({
      year: 2020,
      url: 'https://aclanthology.org/2020.acl-main.1/',
    });
    expect(family(result.works?.[1]?.authors)).toEqual(['Gelderloos', 'Chrupała']);
  });
});

describe('anthology ids', () => {
  it('parses both id styles and their years', () => {
    expect(anthologyId('/2020.acl-main.1/')).toBe('2020.acl-main.1');
    expect(anthologyId('/anthology/P19-1001.pdf')).toBe('P19-1001');
    expect(anthologyId('/volumes/2020.acl-main/')).toBeUndefined();
    expect(idYear('P19-1001')).toBe(2019);
    expect(idYear('J79-1001')).toBe(1979);
    expect(idYear('2023.tacl-1.5')).toBe(2023);
  });
});
