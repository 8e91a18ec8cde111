import { IDBFactory } from 'fake-indexeddb';
import { openLibrary } from '@/utils/library/db';
import type { Library, LibraryOptions } from '@/utils/library/library';
import type { Author, Paper } from '@/utils/paper';

/** A library in a fresh in-memory IndexedDB, isolated from every other test. */
export async function freshLibrary(
  options: LibraryOptions = {},
): Promise<{ library: Library; factory: IDBFactory }> {
  const factory = new IDBFactory();
  const library = await openLibrary({ factory, name: 'test-library', ...options });
  return { library, factory };
}

export function author(given: string, family: string): Author {
  return { given, family };
}

/** A minimal valid paper with the given fields. */
export function paper(fields: Partial<Paper> & { title: string }): Paper {
  return {
    authors: [],
    keywords: [],
    keyTerms: [],
    references: [],
    citations: [],
    sources: {},
    ...fields,
  };
}

/** The ResNet paper as its arXiv page shows it: the preprint, naming the CVPR DOI. */
export const resnetArxiv = (): Paper =>
  paper({
    type: 'article',
    title: 'Deep Residual Learning for Image Recognition',
    authors: [
      author('Kaiming', 'He'),
      author('Xiangyu', 'Zhang'),
      author('Shaoqing', 'Ren'),
      author('Jian', 'Sun'),
    ],
    issued: { date: '2015-12-10', precision: 'day' },
    year: 2015,
    venue: 'arXiv',
    arxivId: '1512.03385',
    arxivVersion: 'v1',
    abstract:
      'Deeper neural networks are more difficult to train. We present a residual learning framework to ease the training of networks that are substantially deeper than those used previously.',
    url: 'https://arxiv.org/abs/1512.03385',
    pdfUrl: 'https://arxiv.org/pdf/1512.03385',
    sources: {
      title: 'site:arxiv',
      authors: 'site:arxiv',
      issued: 'site:arxiv',
      year: 'site:arxiv',
      venue: 'site:arxiv',
      arxivId: 'site:arxiv',
      abstract: 'site:arxiv',
      url: 'site:arxiv',
    },
  });

/** The same work as IEEE Xplore shows the CVPR paper: the published version. */
export const resnetPublished = (): Paper =>
  paper({
    type: 'paper-conference',
    title: 'Deep Residual Learning for Image Recognition',
    authors: [author('K.', 'He'), author('X.', 'Zhang'), author('S.', 'Ren'), author('J.', 'Sun')],
    issued: { date: '2016-06', precision: 'month' },
    year: 2016,
    venue: '2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)',
    pages: '770-778',
    publisher: 'IEEE',
    doi: '10.1109/cvpr.2016.90',
    abstract: 'Deeper neural networks are more difficult to train.',
    url: 'https://ieeexplore.ieee.org/document/7780459',
    keywords: ['Training', 'Degradation', 'Complexity theory'],
    sources: {
      title: 'highwire',
      authors: 'highwire',
      issued: 'highwire',
      year: 'highwire',
      venue: 'highwire',
      pages: 'highwire',
      publisher: 'highwire',
      doi: 'highwire',
      abstract: 'og',
      url: 'highwire',
      keywords: 'highwire',
    },
  });

/** A bioRxiv preprint whose page says "Now published in Nature". */
export const biorxivPreprint = (): Paper =>
  paper({
    type: 'article',
    title:
      'A SARS-CoV-2-Human Protein-Protein Interaction Map Reveals Drug Targets and Potential Drug-Repurposing',
    authors: [author('David E.', 'Gordon'), author('Gwendolyn M.', 'Jang')],
    issued: { date: '2020-03-22', precision: 'day' },
    year: 2020,
    venue: 'bioRxiv',
    doi: '10.1101/2020.03.22.002386',
    publishedDoi: '10.1038/s41586-020-2286-9',
    url: 'https://www.biorxiv.org/content/10.1101/2020.03.22.002386v3',
    sources: { title: 'highwire', authors: 'highwire', doi: 'highwire', venue: 'highwire' },
  });

/** The article it became, as PubMed shows it. */
export const natureArticle = (): Paper =>
  paper({
    type: 'article-journal',
    title: 'A SARS-CoV-2 protein interaction map reveals targets for drug repurposing',
    authors: [
      author('David E', 'Gordon'),
      author('Gwendolyn M', 'Jang'),
      author('Mehdi', 'Bouhaddou'),
    ],
    issued: { date: '2020-07', precision: 'month' },
    year: 2020,
    venue: 'Nature',
    volume: '583',
    issue: '7816',
    pages: '459-468',
    doi: '10.1038/s41586-020-2286-9',
    pmid: '32353859',
    pmcid: 'PMC7431030',
    url: 'https://pubmed.ncbi.nlm.nih.gov/32353859/',
    sources: { title: 'highwire', authors: 'highwire', doi: 'highwire', venue: 'highwire' },
  });

/** A paper known only by its PubMed page. */
export const pubmedOnly = (): Paper =>
  paper({
    type: 'article-journal',
    title: 'Mortality in Hospitalized Patients with Acute Kidney Injury: A Cohort Study',
    authors: [author('Maria', 'Lopez'), author('Ahmed', 'Khan')],
    issued: { date: '2019', precision: 'year' },
    year: 2019,
    venue: 'Kidney Int',
    pmid: '30712345',
    url: 'https://pubmed.ncbi.nlm.nih.gov/30712345/',
    sources: { title: 'highwire' },
  });
