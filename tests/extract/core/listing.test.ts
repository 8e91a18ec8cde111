import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../utils/extract/index';
import { listingHints } from '../../../utils/extract/listing';
import { docs, fixture, linkedomDoc } from './helpers';

describe.each(docs(fixture('listing-results.html')))(
  'a search results page on $name',
  ({ doc }) => {
    const r = extractPage(doc, 'https://scholar.example/search?q=graphene');
    it('is a listing with the works it shows', () => {
      expect(r.kind).toBe('listing');
      expect(r.detected).toBe(false);
      expect(r.paper).toBeUndefined();
      expect(r.works?.map((w) => w.title)).toEqual([
        'The rise of graphene',
        'Electric field effect in atomically thin carbon films',
        'Graphene',
      ]);
    });
    it('reads authors, year, links and DOIs of each work', () => {
      const [first, second, third] = r.works ?? [];
      expect(first?.authors.map((a) => a.family)).toEqual(['Geim', 'Novoselov']);
      expect(first?.year).toBe(2007);
      expect(first?.url).toBe('https://scholar.example/paper/1');
      expect(second?.year).toBe(2004);
      expect(third?.doi).toBe('10.5555/x.3');
    });
  },
);

describe('listing hints', () => {
  it('come from the address or the title', () => {
    const doc = linkedomDoc(
      '<html><head><title>Table of contents : Example Journal</title></head></html>',
    );
    expect(listingHints(doc, new URL('https://journal.example/issue/5'))).toBe(true);
    expect(listingHints(doc, new URL('https://journal.example/x'))).toBe(true);
    const plain = linkedomDoc('<html><head><title>My blog</title></head></html>');
    expect(listingHints(plain, new URL('https://blog.example/2020/post'))).toBe(false);
  });
  it('a blog post is not a listing', () => {
    const r = extractPage(
      linkedomDoc(fixture('encyclopedia.html')),
      'https://en.wikipedia.example/wiki/T-SNE',
    );
    expect(r.kind).toBe('none');
  });
});
