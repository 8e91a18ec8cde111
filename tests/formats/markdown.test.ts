import { escapeMarkdown, serialize } from '@/utils/formats/markdown';
import { item } from './helpers';

describe('Markdown reading list', () => {
  it('lists linked titles with authors, year, venue, status, key terms, tags and notes', () => {
    const out = serialize([
      item({}, { status: 'reading', tags: ['nlp'], notes: 'Great paper.\n# not a heading' }),
    ]);
    expect(out).toBe(
      [
        '# Reading list',
        '',
        '1 paper',
        '',
        '- [Attention Is All You Need](https://arxiv.org/abs/1706.03762)  ',
        '  Ashish Vaswani; Noam Shazeer · 2017 · *Advances in Neural Information Processing Systems*  ',
        '  Status: reading · Key terms: self-attention, machine translation · Tags: nlp',
        '  > Great paper.  ',
        '  > \\# not a heading',
        '',
      ].join('\n'),
    );
  });

  it('links only http(s) URLs, falling back to the DOI', () => {
    const js = serialize([item({ url: 'javascript:alert(1)' })]);
    expect(js).not.toContain('javascript');
    expect(js).toContain('(https://doi.org/10.5555/3295222.3295349)');
    const none = serialize([item({ url: undefined, doi: undefined, arxivId: undefined })]);
    expect(none).toContain('- **Attention Is All You Need**');
    const parens = serialize([item({ url: 'https://x.org/a_(b)) [c]<d>' })]);
    expect(parens).toContain('(https://x.org/a_%28b%29%29%20%5Bc%5D%3Cd%3E)');
  });

  it('escapes titles and notes so they cannot inject links, images or HTML', () => {
    const hostile =
      '[click](javascript:alert(1)) ![img](http://x/y.png) <img src=x onerror=alert(1)> *bold* `code` https://evil.example www.evil.example a@b.co &amp; | ~~s~~ $x$';
    const out = serialize([
      item({ title: hostile, venue: '<script>' }, { notes: hostile, tags: ['<b>'] }),
    ]);
    expect(escapeMarkdown(hostile)).toBe(
      '\\[click\\]\\(javascript:alert\\(1\\)\\) \\!\\[img\\]\\(http\\://x/y.png\\) \\<img src=x onerror=alert\\(1\\)\\> \\*bold\\* \\`code\\` https\\://evil.example www\\.evil.example a\\@b.co \\&amp; \\| \\~\\~s\\~\\~ \\$x\\$',
    );
    for (const line of out.split('\n').slice(4)) {
      // Take away the syntax the list itself writes, then every escaped character: nothing
      // Markdown or HTML could act on may be left.
      const rest = line
        .replace(/^- \[/, '')
        .replace(/\]\(https:\/\/arxiv\.org\/abs\/1706\.03762\) {2}$/, '')
        .replace(/^ {2}> /, '')
        .replace(/ \*(\\<script\\>)\* {2}$/, '$1')
        .replace(/\\./g, '');
      expect(rest).not.toMatch(/[<>[\]()`!*~|$&]/);
    }
  });
});
