import { baseCitationKey, checkKeyPattern, citationKeys } from '@/utils/formats/citation-key';
import { makePaper } from './helpers';

describe('citation keys', () => {
  it('is family name, year and first significant title word, lowercase ASCII', () => {
    expect(baseCitationKey(makePaper())).toBe('vaswani2017attention');
    expect(baseCitationKey(makePaper({ title: 'On the Electrodynamics of Moving Bodies' }))).toBe(
      'vaswani2017electrodynamics',
    );
  });

  it('folds diacritics and drops particles and suffixes', () => {
    const key = (family: string, given = 'A') =>
      baseCitationKey(makePaper({ authors: [{ family, given }], title: 'Ä Über Test' }));
    expect(key('Gödel')).toBe('godel2017uber');
    expect(key('Łukasiewicz')).toBe('lukasiewicz2017uber');
    expect(key('van der Berg')).toBe('berg2017uber');
    expect(key('de la Fuente')).toBe('fuente2017uber');
    expect(key('King Jr.')).toBe('king2017uber');
    expect(key("O'Neil")).toBe('oneil2017uber');
    expect(key('Van Gogh')).toBe('vangogh2017uber');
  });

  it('has a stable fallback for names without Latin letters and literal names', () => {
    expect(baseCitationKey(makePaper({ authors: [{ family: '王', given: '小明' }] }))).toBe(
      'anon2017attention',
    );
    expect(
      baseCitationKey(makePaper({ authors: [{ literal: 'World Health Organization' }] })),
    ).toBe('world2017attention');
    expect(baseCitationKey(makePaper({ authors: [], year: undefined, issued: undefined }))).toBe(
      'attention',
    );
    expect(
      baseCitationKey(
        makePaper({ authors: [], title: '深度学习', year: undefined, issued: undefined }),
      ),
    ).toBe('paper');
  });

  it('is unique within a file: a, b, … suffixes, never colliding with another base key', () => {
    const p = makePaper();
    expect(citationKeys([p, p, p])).toEqual([
      'vaswani2017attention',
      'vaswani2017attentiona',
      'vaswani2017attentionb',
    ]);
    const other = makePaper({ title: 'Attentiona' });
    const keys = citationKeys([p, other, p]);
    expect(new Set(keys).size).toBe(3);
    expect(keys[2]).toBe('vaswani2017attentionb');
  });

  it('follows a configurable pattern and rejects unknown parts', () => {
    const p = makePaper({ authors: [{ family: 'A' }, { family: 'B' }, { family: 'C' }] });
    expect(baseCitationKey(p, '{authors}_{year}')).toBe('aetal_2017');
    expect(baseCitationKey(p, '{author}:{shorttitle}')).toBe('a:attentionneed');
    expect(checkKeyPattern('{author}{year}{title}')).toBeUndefined();
    expect(checkKeyPattern('{foo}{year}')).toMatch(/Unknown part: \{foo\}/);
    expect(checkKeyPattern('{year}')).toMatch(/needs/);
    // An invalid pattern falls back to the default rather than producing empty keys.
    expect(baseCitationKey(makePaper(), '{year}')).toBe('vaswani2017attention');
  });
});
