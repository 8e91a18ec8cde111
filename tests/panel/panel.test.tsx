import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import * as api from '@/components/panel/api';
import { Panel } from '@/components/Panel';
import { allById, byId, click, makePaper, mount, settle, unmountAll, work } from './helpers';

vi.mock('@/components/panel/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/components/panel/api')>();
  return {
    identityOf: real.identityOf,
    findSaved: vi.fn(),
    savePaper: vi.fn(),
    removePaper: vi.fn(),
    undoRemove: vi.fn(),
    reportPageState: vi.fn(),
    readPrefs: vi.fn(),
    rememberFolded: vi.fn(),
    rememberPosition: vi.fn(),
    disableOnSite: vi.fn(),
    readKeyPattern: vi.fn(),
    copyText: vi.fn(),
  };
});

const m = vi.mocked(api);

beforeEach(() => {
  m.findSaved.mockImplementation(async (works) => works.map(() => null));
  m.savePaper.mockResolvedValue({ id: 'p_1', outcome: 'created' });
  m.removePaper.mockResolvedValue({ undoToken: 'tok' });
  m.undoRemove.mockResolvedValue({ id: 'p_1' });
  m.rememberFolded.mockResolvedValue();
  m.rememberPosition.mockResolvedValue();
  m.disableOnSite.mockResolvedValue();
  m.readKeyPattern.mockResolvedValue(undefined);
  m.copyText.mockResolvedValue(true);
});
afterEach(unmountAll);

const props = { pageUrl: 'https://example.org/paper/1', hostname: 'example.org' };

describe('Panel: the paper at a glance', () => {
  it('shows title, authors, venue and year, identifier links and the PDF', async () => {
    const root = await mount(<Panel paper={makePaper()} {...props} />);
    expect(byId(root, 'panel-title')?.textContent).toBe(
      'Interpretable Machine Learning for Genomics',
    );
    expect(byId(root, 'panel-authors')?.textContent).toBe('David S. Watson');
    expect(byId(root, 'panel-venue')?.textContent).toBe('Human Genetics · 2021');
    expect(byId(root, 'id-doi')?.getAttribute('href')).toBe(
      'https://doi.org/10.1007/s00439-021-02387-9',
    );
    expect(byId(root, 'id-arxiv')?.getAttribute('href')).toBe('https://arxiv.org/abs/2007.13972');
    expect(byId(root, 'pdf-link')?.getAttribute('href')).toBe(
      'https://www.example.org/pdf/watson.pdf',
    );
    for (const a of root.querySelectorAll('a[target="_blank"]'))
      expect(a.getAttribute('rel')).toContain('noopener');
  });

  it('renders page markup as text and drops non-http(s) links', async () => {
    const paper = makePaper({
      title: '<img src=x onerror="window.__pwned=1">Robust <b>Reading</b> Lists',
      authors: [{ literal: '<script>window.__pwned=2</script>Mallory' }],
      venue: 'Journal of <i onmouseover="x">Trust</i>',
      pdfUrl: 'javascript:window.__pwned=4',
      url: 'javascript:window.__pwned=8',
      abstract: '<iframe src="javascript:1"></iframe>An abstract.',
      references: [
        {
          title: '<a href="javascript:alert(1)">click</a>',
          authors: [],
          url: 'javascript:alert(1)',
        },
      ],
      citations: [],
    });
    const root = await mount(<Panel paper={paper} {...props} />);
    expect(byId(root, 'panel-title')?.textContent).toBe(paper.title);
    expect(root.querySelector('img, script, iframe, b, i[onmouseover]')).toBeNull();
    expect(byId(root, 'pdf-link')).toBeNull();
    for (const a of root.querySelectorAll('a'))
      expect(a.getAttribute('href')).toMatch(/^https?:\/\//);
    expect(byId(root, 'references-table')?.textContent).toContain(
      '<a href="javascript:alert(1)">click</a>',
    );
  });

  it('a paper known only by its DOI says it is untitled and still links the DOI', async () => {
    const paper = makePaper({
      title: '',
      authors: [],
      abstract: undefined,
      arxivId: undefined,
      doi: '10.1016/j.acmr.2006.02.017',
    });
    const root = await mount(<Panel paper={paper} {...props} />);
    expect(byId(root, 'panel-title')?.textContent).toBe('Untitled paper');
    expect(byId(root, 'panel-authors')).toBeNull();
    expect(byId(root, 'id-doi')?.getAttribute('href')).toBe(
      'https://doi.org/10.1016/j.acmr.2006.02.017',
    );
  });

  it('folds long author lists and long abstracts', async () => {
    const authors = Array.from({ length: 12 }, (_, i) => ({ given: 'A.', family: `Author${i}` }));
    const abstract = 'word '.repeat(200).trim();
    const root = await mount(<Panel paper={makePaper({ authors, abstract })} {...props} />);
    expect(byId(root, 'panel-authors')?.textContent?.split(', ')).toHaveLength(6);
    expect(byId(root, 'abstract')?.textContent?.length).toBeLessThan(320);
    expect(byId(root, 'abstract')?.textContent).toMatch(/ word…$/);
    await click(byId(root, 'authors-more'));
    await click(byId(root, 'abstract-more'));
    expect(byId(root, 'panel-authors')?.textContent?.split(', ')).toHaveLength(12);
    expect(byId(root, 'abstract')?.textContent).toBe(abstract);
    expect(byId(root, 'abstract-more')?.getAttribute('aria-expanded')).toBe('true');
  });

  it('shows key terms ordered by weight with the weight, marked when computed', async () => {
    const root = await mount(<Panel paper={makePaper({ keyTermsComputed: true })} {...props} />);
    const terms = allById(root, 'key-term');
    expect(terms.map((t) => t.querySelector('.chip-term')?.textContent)).toEqual([
      'ml',
      'machine learning',
    ]);
    expect(terms[0]?.textContent).toContain('0.204');
    expect(byId(root, 'key-terms-computed')).not.toBeNull();
    const given = await mount(<Panel paper={makePaper()} {...props} />);
    expect(byId(given, 'key-terms-computed')).toBeNull();
  });
});

describe('Panel: saving', () => {
  it('asks findSaved once for the paper and every listed work', async () => {
    const paper = makePaper();
    await mount(<Panel paper={paper} {...props} />);
    expect(m.findSaved).toHaveBeenCalledTimes(1);
    const works = m.findSaved.mock.calls[0]![0];
    expect(works).toHaveLength(1 + paper.references.length + paper.citations.length);
    expect(works[0]).toMatchObject({ doi: paper.doi, title: paper.title });
  });

  it('saves, announces it, and undoes the save', async () => {
    const root = await mount(<Panel paper={makePaper()} {...props} />);
    const toggle = byId(root, 'save-toggle')!;
    expect(toggle.textContent).toBe('Save');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(toggle.hasAttribute('disabled')).toBe(false);
    await click(toggle);
    expect(m.savePaper).toHaveBeenCalledWith(
      expect.objectContaining({ title: makePaper().title }),
      props.pageUrl,
    );
    expect(toggle.textContent).toBe('Saved');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    const status = byId(root, 'panel-status')!;
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toMatch(/saved/i);
    await click(byId(root, 'undo'));
    expect(m.removePaper).toHaveBeenCalledWith('p_1');
    expect(toggle.textContent).toBe('Save');
  });

  it('removes a saved paper and restores it with Undo', async () => {
    m.findSaved.mockImplementation(async (works) => works.map((_, i) => (i === 0 ? 'p_9' : null)));
    const root = await mount(<Panel paper={makePaper()} {...props} />);
    const toggle = byId(root, 'save-toggle')!;
    expect(toggle.textContent).toBe('Saved');
    await click(toggle);
    expect(m.removePaper).toHaveBeenCalledWith('p_9');
    expect(toggle.textContent).toBe('Save');
    expect(byId(root, 'panel-status')?.textContent).toMatch(/removed/i);
    await click(byId(root, 'undo'));
    expect(m.undoRemove).toHaveBeenCalledWith('tok');
    expect(toggle.textContent).toBe('Saved');
  });

  it('says why a save failed', async () => {
    m.savePaper.mockRejectedValue(new Error('The disk is full.'));
    const root = await mount(<Panel paper={makePaper()} {...props} />);
    await click(byId(root, 'save-toggle'));
    expect(byId(root, 'panel-status')?.textContent).toBe('Could not save: The disk is full.');
    expect(byId(root, 'save-toggle')?.textContent).toBe('Save');
  });

  it('still lets the user save when the library cannot be asked', async () => {
    m.findSaved.mockRejectedValue(new Error('no background'));
    const root = await mount(<Panel paper={makePaper()} {...props} />);
    expect(byId(root, 'save-toggle')?.hasAttribute('disabled')).toBe(false);
  });

  it('marks saved rows and saves a listed work from its row', async () => {
    // Order: paper, references..., citations...
    m.findSaved.mockImplementation(async (works) =>
      works.map((_, i) => (i === 2 ? 'p_ref2' : null)),
    );
    const paper = makePaper();
    const root = await mount(<Panel paper={paper} {...props} />);
    const refs = byId(root, 'references-table')!;
    expect(allById(refs, 'row-saved')).toHaveLength(1);
    expect(allById(refs, 'work-row')[1]?.querySelector('[data-testid="row-saved"]')).not.toBeNull();
    m.savePaper.mockResolvedValue({ id: 'p_ref1', outcome: 'created' });
    await click(byId(refs, 'row-save'));
    const [saved, pageUrl] = m.savePaper.mock.calls[0]!;
    expect(saved).toMatchObject({ title: paper.references[0]!.title, year: 2017, references: [] });
    // A listed work is saved without this page's URL (which identifies this page's paper).
    expect(pageUrl).toBeUndefined();
    expect(saved.url).toBe(paper.references[0]!.url);
    expect(allById(refs, 'row-saved')).toHaveLength(2);
    expect(byId(root, 'panel-status')?.textContent).toMatch(/^Saved “A unified approach/);
  });
});

describe('Panel: tables', () => {
  const many = Array.from({ length: 5000 }, (_, i) =>
    work(`Work number ${i}`, 1990 + (i % 35), `Family${String(i).padStart(4, '0')}`),
  );

  it('renders only a window of thousands of rows', async () => {
    const root = await mount(<Panel paper={makePaper({ references: many })} {...props} />);
    const rows = allById(byId(root, 'references-table')!, 'work-row');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(60);
    expect(byId(root, 'references-table')?.getAttribute('aria-rowcount')).toBe('5001');
  });

  it('filters and sorts', async () => {
    const root = await mount(<Panel paper={makePaper({ references: many })} {...props} />);
    const table = () => byId(root, 'references-table')!;
    const input = byId(root, 'references-filter') as HTMLInputElement;
    await act(async () => {
      input.value = 'number 4999';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await settle(20);
    const rows = allById(table(), 'work-row');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.textContent).toContain('Work number 4999');
    await act(async () => {
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click(byId(table(), 'sort-year'));
    const th = byId(table(), 'sort-year')!.closest('th')!;
    expect(th.getAttribute('aria-sort')).toBe('descending');
    expect(allById(table(), 'work-row')[0]?.querySelector('.c-year')?.textContent).toBe('2024');
    await click(byId(table(), 'sort-year'));
    expect(allById(table(), 'work-row')[0]?.querySelector('.c-year')?.textContent).toBe('1990');
    await click(byId(table(), 'sort-authors'));
    expect(allById(table(), 'work-row')[0]?.textContent).toContain('Family0000');
  });
});

describe('Panel: network', () => {
  it('draws citing and cited works in two colours, saved ones ringed, nodes labelled and linked', async () => {
    m.findSaved.mockImplementation(async (works) => works.map((_, i) => (i === 3 ? 'p_c' : null)));
    const root = await mount(<Panel paper={makePaper()} {...props} />);
    const nodes = allById(byId(root, 'network')!, 'network-node');
    expect(nodes).toHaveLength(3);
    expect(nodes.filter((n) => n.dataset.relation === 'citation')).toHaveLength(1);
    expect(nodes.filter((n) => n.dataset.relation === 'reference')).toHaveLength(2);
    const citing = nodes.find((n) => n.dataset.relation === 'citation')!;
    expect(citing.dataset.saved).toBe('true');
    expect(citing.getAttribute('aria-label')).toMatch(
      /^Cites this paper: The explanatory role.*in your library$/,
    );
    expect(citing.getAttribute('href')).toMatch(/^https:\/\/www\.example\.org\//);
    expect(citing.getAttribute('target')).toBe('_blank');
  });

  it('is one tab stop; arrow keys move between nodes', async () => {
    const root = await mount(<Panel paper={makePaper()} {...props} />);
    const nodes = () => allById(root, 'network-node');
    expect(nodes().map((n) => n.getAttribute('tabindex'))).toEqual(['0', '-1', '-1']);
    nodes()[0]!.focus();
    await act(async () => {
      nodes()[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    });
    expect(nodes().map((n) => n.getAttribute('tabindex'))).toEqual(['-1', '0', '-1']);
    expect(root.ownerDocument.activeElement).toBe(nodes()[1]);
    await act(async () => {
      nodes()[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    });
    expect(nodes()[2]!.getAttribute('tabindex')).toBe('0');
  });

  it('keeps nodes without a link focusable', async () => {
    const root = await mount(
      <Panel
        paper={makePaper({ references: [{ title: 'No link', authors: [] }], citations: [] })}
        {...props}
      />,
    );
    const [node] = allById(root, 'network-node');
    expect(node?.tagName.toLowerCase()).toBe('g');
    expect(node?.getAttribute('tabindex')).toBe('0');
    expect(node?.getAttribute('aria-label')).toBe('Cited by this paper: No link');
  });
});

describe('Panel: folding, moving, turning off, copying', () => {
  it('folds on Escape and remembers it for the site; unfolds from the tab', async () => {
    const root = await mount(<Panel paper={makePaper()} {...props} />);
    const panel = byId(root, 'papershelf-panel')!;
    await act(async () => {
      byId(root, 'save-toggle')!.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }),
      );
    });
    expect(byId(root, 'papershelf-panel')?.dataset.folded).toBe('true');
    expect(byId(root, 'panel-title')).toBeNull();
    expect(m.rememberFolded).toHaveBeenCalledWith('example.org', true);
    expect(document.activeElement).toBe(byId(root, 'unfold'));
    await click(byId(root, 'unfold'));
    expect(panel.dataset.folded).toBe('false');
    expect(m.rememberFolded).toHaveBeenLastCalledWith('example.org', false);
  });

  it('leaves Escape to a filter box that has text', async () => {
    const root = await mount(<Panel paper={makePaper()} {...props} />);
    const input = byId(root, 'references-filter') as HTMLInputElement;
    input.value = 'shap';
    await act(async () => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(byId(root, 'papershelf-panel')?.dataset.folded).toBe('false');
  });

  it('starts folded and on the left when remembered so', async () => {
    const root = await mount(
      <Panel paper={makePaper()} {...props} initialFolded initialPosition="left" />,
    );
    const panel = byId(root, 'papershelf-panel')!;
    expect(panel.dataset.folded).toBe('true');
    expect(panel.classList.contains('left')).toBe(true);
  });

  it('moves to the other side', async () => {
    const root = await mount(<Panel paper={makePaper()} {...props} />);
    await click(byId(root, 'move'));
    expect(byId(root, 'papershelf-panel')?.classList.contains('left')).toBe(true);
    expect(m.rememberPosition).toHaveBeenCalledWith('left');
  });

  it('turns itself off for the site', async () => {
    const onDisable = vi.fn();
    const root = await mount(<Panel paper={makePaper()} {...props} onDisable={onDisable} />);
    await click(byId(root, 'disable-site'));
    await settle(0);
    expect(m.disableOnSite).toHaveBeenCalledWith('example.org');
    expect(onDisable).toHaveBeenCalled();
  });

  it('copies BibTeX and the formatted reference, with a fallback when copying is refused', async () => {
    const root = await mount(<Panel paper={makePaper()} {...props} />);
    await click(byId(root, 'copy-bibtex'));
    await settle(0);
    expect(m.copyText.mock.calls[0]![0]).toMatch(/^@article\{watson2021interpretable,/);
    expect(byId(root, 'panel-status')?.textContent).toBe('BibTeX copied to the clipboard.');
    m.copyText.mockResolvedValue(false);
    await click(byId(root, 'copy-reference'));
    await settle(0);
    const manual = byId(root, 'manual-copy') as HTMLTextAreaElement;
    expect(manual.value).toBe(
      'Watson, D. S. (2021). Interpretable Machine Learning for Genomics. Human Genetics. https://doi.org/10.1007/s00439-021-02387-9',
    );
  });
});
