import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page as PwPage } from 'playwright-core';
import { launchChromium, type ChromiumSession } from './chromium';
import { POLL, inPage, launchFirefox, type FirefoxSession } from './firefox';

/** Real-looking papers to seed the library with, through the same import verb the popup uses. */
function seedItems() {
  const base = [
    [
      'Attention Is All You Need',
      'Vaswani',
      'Ashish',
      2017,
      'Advances in Neural Information Processing Systems',
      '10.48550/arxiv.1706.03762',
    ],
    [
      'Deep Residual Learning for Image Recognition',
      'He',
      'Kaiming',
      2016,
      'CVPR',
      '10.1109/cvpr.2016.90',
    ],
    [
      'Interpretable machine learning for genomics',
      'Watson',
      'David S.',
      2021,
      'Human Genetics',
      '10.1007/s00439-021-02387-9',
    ],
    [
      'A unified approach to interpreting model predictions',
      'Lundberg',
      'Scott M.',
      2017,
      'NeurIPS',
      '10.5555/3295222.3295230',
    ],
    [
      'Highly accurate protein structure prediction with AlphaFold',
      'Jumper',
      'John',
      2021,
      'Nature',
      '10.1038/s41586-021-03819-2',
    ],
  ] as const;
  const items: Array<{ paper: Record<string, unknown> }> = base.map(
    ([title, family, given, year, venue, doi]) => ({
      paper: {
        title,
        authors: [{ given, family }],
        year,
        issued: { date: String(year), precision: 'year' },
        venue,
        doi,
        abstract: `${title}: an abstract long enough to search in.`,
        keywords: [],
        keyTerms: [],
        references: [],
        citations: [],
        sources: { title: 'highwire' },
      },
    }),
  );
  for (let i = 0; i < 40; i++) {
    items.push({
      paper: {
        title: `Filler study number ${i} on reading habits`,
        authors: [{ given: 'Pat', family: `Author${i}` }],
        year: 2000 + (i % 20),
        issued: { date: String(2000 + (i % 20)), precision: 'year' },
        venue: 'Journal of Filler',
        doi: `10.5555/filler.${i}`,
        abstract: 'Filler.',
        keywords: [],
        keyTerms: [],
        references: [],
        citations: [],
        sources: { title: 'highwire' },
      },
    });
  }
  return items;
}

describe('Chromium: the popup', () => {
  let session: ChromiumSession;
  let popup: PwPage;

  beforeAll(async () => {
    session = await launchChromium();
    const seeder = await session.openPopup();
    const result = await seeder.evaluate(
      (items) =>
        (
          globalThis as unknown as {
            chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
          }
        ).chrome.runtime.sendMessage({ verb: 'importPapers', payload: { items } }),
      seedItems(),
    );
    expect(result).toMatchObject({ ok: true, data: { created: 45 } });
    await seeder.close();
    popup = await session.openPopup();
    await popup.getByTestId('paper').first().waitFor();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('lists the library and searches it as the user types, forgiving typos', async () => {
    expect(await popup.getByTestId('count').textContent()).toContain('45');
    await popup.getByTestId('search').fill('atention');
    await popup.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-testid="paper"]')];
      return rows.length > 0 && rows[0]!.textContent!.includes('Attention Is All You Need');
    });
    await popup.getByTestId('search').fill('');
  });

  it('edits tags, notes and status', async () => {
    await popup.getByTestId('search').fill('AlphaFold');
    const row = popup.getByTestId('paper').filter({ hasText: 'AlphaFold' });
    await row.waitFor();
    await row.getByTestId('row-status').selectOption('reading');
    await row.getByTestId('edit').click();
    await popup.getByTestId('detail-tags').fill('structure, to-cite');
    await popup.getByTestId('detail-notes').fill('Read the methods section.');
    await popup.getByTestId('detail-save').click();
    const edited = popup.getByTestId('paper').filter({ hasText: 'AlphaFold' });
    await edited.getByTestId('tag').filter({ hasText: 'to-cite' }).waitFor({ timeout: 10_000 });
    expect(await edited.getByTestId('row-status').inputValue()).toBe('reading');
    await popup.getByTestId('search').fill('');
  });

  it('exports a backup, and importing it back restores a removed paper', async () => {
    await popup.getByTestId('open-export').click();
    await popup.getByTestId('export-format').selectOption('json');
    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByTestId('export-download').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^papershelf-\d{4}-\d{2}-\d{2}.*\.json$/);
    const path = await download.path();
    const backup = JSON.parse(await readFile(path, 'utf8')) as { items: unknown[] };
    expect(backup.items).toHaveLength(45);
    expect(JSON.stringify(backup)).toContain('Read the methods section.');

    // Remove one paper, then import the backup: the preview says what will happen first.
    await popup.reload();
    await popup.getByTestId('search').fill('Residual');
    const row = popup.getByTestId('paper').filter({ hasText: 'Deep Residual Learning' });
    await row.getByTestId('remove').click();
    await row.waitFor({ state: 'detached' });
    await popup.getByTestId('search').fill('');

    await popup.getByTestId('open-import').click();
    await popup.getByTestId('import-file').setInputFiles(path);
    await popup.getByTestId('import-preview').waitFor({ timeout: 15_000 });
    expect(await popup.locator('[data-testid="import-row"][data-action="new"]').count()).toBe(1);
    expect(await popup.getByTestId('count').textContent()).toContain('44');
    await popup.getByTestId('import-apply').click();
    await popup.getByTestId('import-result').waitFor({ timeout: 15_000 });
    await popup.waitForFunction(() =>
      document.querySelector('[data-testid="count"]')?.textContent?.includes('45'),
    );
  });

  it('refuses a malformed import file and changes nothing', async () => {
    await popup.reload();
    await popup.getByTestId('paper').first().waitFor();
    await popup.getByTestId('open-import').click();
    await popup.getByTestId('import-file').setInputFiles({
      name: 'broken.bib',
      mimeType: 'text/plain',
      buffer: Buffer.from('@article{broken, title = {Unclosed '),
    });
    await popup.getByTestId('import-error').or(popup.getByTestId('import-preview')).waitFor();
    expect(
      await popup
        .getByTestId('import-apply')
        .isEnabled()
        .catch(() => false),
    ).toBe(false);
    expect(await popup.getByTestId('count').textContent()).toContain('45');
  });
});

describe('Firefox: the popup', () => {
  let session: FirefoxSession;

  beforeAll(async () => {
    session = await launchFirefox();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows a seeded library and searches it', async () => {
    const popup = await session.openExtensionPage('popup.html');
    await inPage(popup, '[data-testid="empty"]');
    const result = await popup.evaluate(
      (items) =>
        (
          globalThis as unknown as {
            browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
          }
        ).browser.runtime.sendMessage({ verb: 'importPapers', payload: { items } }),
      seedItems(),
    );
    expect(result).toMatchObject({ ok: true, data: { created: 45 } });
    await popup.reload({ timeout: 3000 }).catch(() => undefined);
    await inPage(popup, '[data-testid="paper"]');
    await popup.type('[data-testid="search"]', 'alphafold');
    await popup.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-testid="paper"]')];
      return rows.length === 1 && rows[0]!.textContent!.includes('AlphaFold');
    }, POLL);
  });
});
