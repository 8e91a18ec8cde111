import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formats } from '@/utils/formats';
import {
  detectImportFormat,
  exportFileName,
  formatInfo,
  loadFormat,
} from '@/utils/formats/registry';
import { fixture, item } from './helpers';

/** The conventions (STYLE.md lessons 5 and 9): every format registered, described, tested. */
describe('format registry', () => {
  it('lists every format once, in step with the descriptors', async () => {
    expect(formats.map((f) => f.id)).toEqual(formatInfo.map((f) => f.id));
    for (const info of formatInfo) {
      const loaded = await loadFormat(info.id);
      const eager = formats.find((f) => f.id === info.id);
      expect(loaded).toBe(eager);
      expect({
        id: loaded.id,
        label: loaded.label,
        extension: loaded.extension,
        mimeType: loaded.mimeType,
        canImport: typeof loaded.parse === 'function',
      }).toEqual(info);
    }
  });

  it('has one source file with a field map and one test file per format', () => {
    const dir = join(__dirname, '../../utils/formats');
    for (const { id } of formatInfo) {
      // A format whose writer is used without its reader (BibTeX: the panel copies an entry without
      // loading citation-js) keeps the writer, and the field map that drives it, in `<id>-writer.ts`.
      const writer = join(dir, `${id}-writer.ts`);
      const source = readFileSync(existsSync(writer) ? writer : join(dir, `${id}.ts`), 'utf8');
      expect(source, `${id}.ts (or ${id}-writer.ts) has a field map`).toMatch(
        /export const [A-Z_]+(FIELDS|COLUMNS|PARTS|TYPES)\b|const \w+Shape: Shape<Paper>/,
      );
      expect(existsSync(join(__dirname, `${id}.test.ts`)), `${id}.test.ts`).toBe(true);
    }
    expect(readdirSync(join(__dirname, '../fixtures/formats')).length).toBeGreaterThan(0);
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    for (const { id } of formatInfo) {
      expect(readme, `README lists ${id}.ts`).toContain(`\`${id}.ts\``);
      if (existsSync(join(dir, `${id}-writer.ts`)))
        expect(readme, `README lists ${id}-writer.ts`).toContain(`\`${id}-writer.ts\``);
    }
  });

  it('serializes every format without throwing, also for an empty list', () => {
    for (const f of formats) {
      expect(typeof f.serialize([item()])).toBe('string');
      expect(typeof f.serialize([])).toBe('string');
    }
  });

  it('exports a paper known only by its DOI in every format, and reads the DOI back', () => {
    const bare = item({
      title: '',
      authors: [],
      issued: undefined,
      year: undefined,
      venue: undefined,
      abstract: undefined,
      arxivId: undefined,
      doi: '10.1016/j.acmr.2006.02.017',
    });
    for (const f of formats) {
      const text = f.serialize([bare]);
      expect(text, f.id).toContain('10.1016/j.acmr.2006.02.017');
      if (f.parse)
        expect(f.parse(text).items[0]?.paper.doi, f.id).toBe('10.1016/j.acmr.2006.02.017');
    }
  });

  it('names exported files with the date', () => {
    const day = new Date(2026, 10, 24, 23, 59);
    expect(exportFileName('bibtex', day)).toBe('papershelf-2026-11-24.bib');
    expect(exportFileName('ris', day)).toBe('papershelf-2026-11-24.ris');
    expect(exportFileName('csl-json', day)).toBe('papershelf-2026-11-24.csl.json');
    expect(exportFileName('csv', day)).toBe('papershelf-2026-11-24.csv');
    expect(exportFileName('markdown', day)).toBe('papershelf-2026-11-24.md');
    expect(exportFileName('json', day)).toBe('papershelf-2026-11-24.json');
  });

  it('recognises the format of a file to import', () => {
    expect(detectImportFormat('refs.bib', fixture('zotero.bib'))).toBe('bibtex');
    expect(detectImportFormat('refs.txt', fixture('endnote.ris'))).toBe('ris');
    expect(detectImportFormat('x.json', fixture('zotero.csl.json'))).toBe('csl-json');
    expect(detectImportFormat('x.json', fixture('backup-v1.json'))).toBe('json');
    expect(detectImportFormat('notes.txt', 'hello')).toBeUndefined();
  });
});
