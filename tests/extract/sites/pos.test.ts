import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../utils/extract/index';
import { quickCheck } from '../../../utils/quick-check';
import { parsers } from './helpers';

describe.each([0, 1])('Proceedings of Science (parser %i)', (p) => {
  const load = (name: string): Document => parsers(name)[p]![1];

  it("a volume's page lists its contributions, with the conference as their venue", () => {
    const result = extractPage(load('pos-volume.html'), 'https://pos.sissa.it/412/');
    expect(result.kind).toBe('listing');
    expect(result.works).toEqual([
      {
        title: 'Foreword',
        authors: [{ given: 'M.', family: 'Costa' }],
        year: 2019,
        venue: '31st International Symposium on Harbour Physics HARBOUR 2019',
        url: 'https://pos.sissa.it/412/contribution.cgi?id=412/001',
      },
      {
        title: 'Seiches in semi-enclosed basins',
        authors: [
          { given: 'J.P.', family: 'Almeida' },
          { given: 'R.', family: 'Okafor' },
          { given: 'T.', family: 'Lindgren' },
        ],
        year: 2019,
        venue: '31st International Symposium on Harbour Physics HARBOUR 2019',
        url: 'https://pos.sissa.it/412/contribution.cgi?id=412/002',
      },
    ]);
  });

  it('other pages of the site are not read as a volume', () => {
    const result = extractPage(
      load('pos-volume.html'),
      'https://pos.sissa.it/cgi-bin/reader/family.cgi?code=harbour',
    );
    expect(result.kind).not.toBe('listing');
  });

  it('the detector lets the site through', () => {
    expect(quickCheck(load('pos-volume.html'), new URL('https://pos.sissa.it/412/'))).toBe('maybe');
  });
});
