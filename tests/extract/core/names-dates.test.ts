import { describe, expect, it } from 'vitest';
import { parseDate, looksLikePlaceholder } from '../../../utils/extract/dates';
import { cleanName, parseName, parseNameList, parseNames } from '../../../utils/extract/names';

describe('parseName', () => {
  it.each([
    ['Rachida Ghailane,†', { given: 'Rachida', family: 'Ghailane' }],
    ['Jean Paul  Malrieu,*,‡ and', { given: 'Jean Paul', family: 'Malrieu' }],
    ['Vida Castro*#⊥', { given: 'Vida', family: 'Castro' }],
    ['Powell DJ1', { given: 'DJ', family: 'Powell' }],
    ['Zukeran, A.', { given: 'A.', family: 'Zukeran' }],
    ['Glattauer, Robin', { given: 'Robin', family: 'Glattauer' }],
    ['SMITH, JANE', { given: 'Jane', family: 'Smith' }],
    ['VASWANI Ashish', { given: 'Ashish', family: 'Vaswani' }],
    ['Jacques FRIEDEL', { given: 'Jacques', family: 'Friedel' }],
    ['Geert van Loo', { given: 'Geert', family: 'van Loo' }],
    ['Michelina C. de la Maza', { given: 'Michelina C.', family: 'de la Maza' }],
    ['Michael L. Anderson, PhD', { given: 'Michael L.', family: 'Anderson' }],
    ['X.-X. Zhang', { given: 'X.-X.', family: 'Zhang' }],
    ['Thomas Kn|[ouml]|pfel', { given: 'Thomas', family: 'Knöpfel' }],
    ['Alice Smith¹²', { given: 'Alice', family: 'Smith' }],
    // Vancouver initials with a vowel, where no short surname could be read ("AC", not "LI").
    ['Skladanowski AC', { given: 'AC', family: 'Skladanowski' }],
    ['CRAIG, AD', { given: 'AD', family: 'Craig' }],
    ['Jun LI', { given: 'Jun', family: 'Li' }],
    ['Lieselotte Vande Walle', { given: 'Lieselotte', family: 'Vande Walle' }],
    ['Prof. Dr. Hans Müller', { given: 'Hans', family: 'Müller' }],
    ['Univ.-Prof. Dipl.-Ing. Dr. Eva Maria Huber', { given: 'Eva Maria', family: 'Huber' }],
    ['Dr Jane Lee', { given: 'Jane', family: 'Lee' }],
    ['A. Smith et al.', { given: 'A.', family: 'Smith' }],
    // A title is only dropped before a whole name.
    ['Mr Bean', { given: 'Mr', family: 'Bean' }],
  ])('%s', (raw, want) => {
    expect(parseName(raw)).toEqual(want);
  });
  it('keeps organisations and mononyms literal', () => {
    expect(parseName('The GenBank Consortium')).toEqual({ literal: 'The GenBank Consortium' });
    expect(parseName('Plato')).toEqual({ literal: 'Plato' });
  });
  it('keeps a generational suffix with the family name, however it is written', () => {
    const king = { given: 'Martin Luther', family: 'King Jr.' };
    for (const s of [
      'Martin Luther King Jr.',
      'Martin Luther King, Jr.',
      'King, Martin Luther, Jr.',
      'King Jr., Martin Luther',
    ])
      expect(parseName(s), s).toEqual(king);
    expect(parseName('John Smith III')).toEqual({ given: 'John', family: 'Smith III' });
    expect(parseName('King ML Jr')).toEqual({ given: 'ML', family: 'King Jr.' });
    expect(parseNameList('Martin Luther King, Jr., Coretta Scott King')).toEqual([
      king,
      { given: 'Coretta Scott', family: 'King' },
    ]);
  });
  it('reads MEDLINE initials that look like suffixes as initials', () => {
    expect(parseName('Ivanov II')).toEqual({ given: 'II', family: 'Ivanov' });
    expect(parseName('Powell JR')).toEqual({ given: 'JR', family: 'Powell' });
    expect(parseName('Group II Collaboration')).toEqual({ literal: 'Group II Collaboration' });
  });
  it('rejects empty or mark-only names', () => {
    expect(parseName('†‡*')).toBeUndefined();
    expect(parseName('  ')).toBeUndefined();
    expect(parseName('et al.')).toBeUndefined();
    expect(cleanName('and Daniel Maynau,')).toBe('Daniel Maynau');
  });
  it('splits name lists without splitting "Family, Given"', () => {
    expect(parseNameList('Michael P. Taylor and Mathew J. Wedel')).toEqual([
      { given: 'Michael P.', family: 'Taylor' },
      { given: 'Mathew J.', family: 'Wedel' },
    ]);
    expect(parseNameList('A. Smith, B. Jones, and C. D. Brown').map((a) => a.family)).toEqual([
      'Smith',
      'Jones',
      'Brown',
    ]);
    expect(parseNameList('Glattauer, Robin')).toEqual([{ given: 'Robin', family: 'Glattauer' }]);
    expect(parseNameList('Smith, J.; Jones, K.').map((a) => a.family)).toEqual(['Smith', 'Jones']);
  });
});

describe('parseDate', () => {
  it.each([
    ['2020/03/27', '2020-03-27', 'day'],
    ['2020-03-27T10:00:00Z', '2020-03-27', 'day'],
    ['2021/08', '2021-08', 'month'],
    ['2008 January', '2008-01', 'month'],
    ['2012 Nov 26', '2012-11-26', 'day'],
    ['January 2008', '2008-01', 'month'],
    ['Dec 20, 2006', '2006-12-20', 'day'],
    ['09 March 2001', '2001-03-09', 'day'],
    ['1 December 2020', '2020-12-01', 'day'],
    ['2014/6/26', '2014-06-26', 'day'],
    ['2003', '2003', 'year'],
    ['Wien, 2016', '2016', 'year'],
    ['27.03.2020', '2020-03-27', 'day'],
    // Month first only where day first makes no date; where both do, day first (Europe).
    ['06/30/2021', '2021-06-30', 'day'],
    ['05/06/2021', '2021-06-05', 'day'],
    ['2021年6月30日', '2021-06-30', 'day'],
    ['2019年4月', '2019-04', 'month'],
    ['2021년 6월 30일', '2021-06-30', 'day'],
  ])('%s', (raw, date, precision) => {
    expect(parseDate(raw)).toEqual({ date, precision });
  });
  it('rejects impossible and absent dates', () => {
    expect(parseDate('2020-02-30')).toBeUndefined();
    expect(parseDate('0000-00-00')).toBeUndefined();
    expect(parseDate('not a date')).toBeUndefined();
    expect(parseDate('')).toBeUndefined();
    expect(parseDate('3020')).toBeUndefined();
  });
  it('knows the January-1st placeholder', () => {
    expect(looksLikePlaceholder({ date: '2020-01-01', precision: 'day' })).toBe(true);
    expect(looksLikePlaceholder({ date: '2020', precision: 'year' })).toBe(false);
  });
});

describe('parseNames (one meta tag per author, as a rule)', () => {
  it('splits a tag that joins several people with "and" or "&"', () => {
    expect(parseNames(['John Smith and Jane Doe'])).toEqual([
      { given: 'John', family: 'Smith' },
      { given: 'Jane', family: 'Doe' },
    ]);
    expect(parseNames(['Smith, John & Doe, Jane'])).toEqual([
      { given: 'John', family: 'Smith' },
      { given: 'Jane', family: 'Doe' },
    ]);
    expect(parseNames(['Jan van der Berg and Maria de la Cruz'])).toEqual([
      { given: 'Jan', family: 'van der Berg' },
      { given: 'Maria', family: 'de la Cruz' },
    ]);
  });

  it('keeps an organisation whole, as one literal name', () => {
    for (const org of [
      'Centers for Disease Control and Prevention',
      'Johnson & Johnson',
      'Ministry of Health',
    ])
      expect(parseNames([org])).toEqual([{ literal: org }]);
  });
});
