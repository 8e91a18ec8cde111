import { describe, expect, it } from 'vitest';
import { freshLibrary, natureArticle, pubmedOnly, resnetPublished } from './helpers';

describe('previewImport', () => {
  it('tells new, merged and skipped items apart and changes nothing', async () => {
    const { library } = await freshLibrary();
    const saved = await library.savePaper(resnetPublished(), 'https://example.org/resnet');
    await library.savePaper(natureArticle());
    const before = await library.exportPapers();

    const richer = resnetPublished();
    richer.abstract = `${richer.abstract} With the rest of the abstract, as the file has it.`;
    const items = [
      { paper: pubmedOnly() }, // not in the library
      { paper: richer }, // a saved work, with more data
      { paper: natureArticle() }, // identical to a saved record
      { paper: pubmedOnly() }, // the same work twice in one file
    ];
    const decisions = await library.previewImport(items);
    expect(decisions.map((d) => d.action)).toEqual(['new', 'merge', 'skip', 'skip']);
    expect(decisions[1]).toMatchObject({ index: 1, existingId: saved.record.id });
    expect(decisions[0]!.title).toBe(pubmedOnly().title);

    // Nothing was written.
    expect(await library.exportPapers()).toEqual(before);

    // And the import does what the preview said.
    const result = await library.importPapers(items);
    expect(result).toMatchObject({ created: 1, merged: 1, unchanged: 2 });
    expect((await library.getStats()).count).toBe(3);
  });
});
