import { describe, expect, it } from 'vitest';
import { launchChromium } from './chromium';
import { inPanel, launchFirefox } from './firefox';
import { saveFromPanel } from './panel-page';
import { useServerAndBrowser } from './fixture';

describe('Chromium: the panel on a paper summary page', () => {
  const env = useServerAndBrowser(launchChromium, { '/abs/2101.00001': 'arxiv-abs.html' });

  it('shows key terms and the citation network, marks saved works, and saves a listed work', async () => {
    // A work the summary page lists as citing it is already in the library.
    const arxiv = await env.session.context.newPage();
    await arxiv.goto(env.server.url('/abs/2101.00001'));
    await saveFromPanel(arxiv);
    await arxiv.close();

    const page = await env.session.context.newPage();
    await page.goto(env.server.url('/summary-page.html'));
    await page.getByTestId('panel-title').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('panel-title').textContent()).toBe(
      'Interpretable Machine Learning for Genomics',
    );

    // Key terms: one chip per term (the page repeats terms), highest weight first and visible.
    const chips = await page.getByTestId('key-term').allTextContents();
    expect(chips).toHaveLength(8);
    expect(chips[0]).toMatch(/^ml\D*0\.204/);
    expect(chips.filter((c) => /^machine learning/.test(c))).toHaveLength(1);
    expect(await page.getByTestId('key-terms-computed').count()).toBe(0);

    // Citations and references come from the Citation Network table.
    const citations = page.getByTestId('citations-table').getByTestId('work-row');
    const references = page.getByTestId('references-table').getByTestId('work-row');
    await citations.first().waitFor();
    expect(await citations.count()).toBe(5);
    expect(await references.count()).toBe(3);

    // The work saved earlier is marked in its row.
    const savedRow = citations.filter({ hasText: 'Sparse Attention for Long Reading Lists' });
    await savedRow.getByTestId('row-saved').waitFor({ timeout: 10_000 });

    // One click saves a listed work from what the row gives.
    const lime = references.filter({ hasText: 'Why should I trust you?' });
    await lime.getByTestId('row-save').click();
    await lime.getByTestId('row-saved').waitFor({ timeout: 10_000 });

    // Filtering the table.
    await page.getByTestId('citations-filter').fill('genotype');
    await page.waitForFunction(
      () =>
        document
          .querySelector('papershelf-panel')
          ?.shadowRoot?.querySelectorAll('[data-testid="citations-table"] [data-testid="work-row"]')
          .length === 1,
    );

    // The popup lists both saved works.
    const popup = await env.session.openPopup();
    await popup.getByTestId('paper').first().waitFor();
    const rows = (await popup.getByTestId('paper').allTextContents()).join('\n');
    expect(rows).toContain('Sparse Attention for Long Reading Lists');
    expect(rows).toContain('Why should I trust you?');
  });
});

describe('Chromium: the panel on a journal article that prints its references', () => {
  const env = useServerAndBrowser(launchChromium);

  it('lists the printed references and saves one from its row', async () => {
    const page = await env.session.context.newPage();
    await page.goto(env.server.url('/journal-article.html'));
    await page.getByTestId('panel-title').waitFor({ timeout: 15_000 });
    const references = page.getByTestId('references-table').getByTestId('work-row');
    await references.first().waitFor();
    expect(await references.count()).toBe(3);
    expect(await references.nth(2).textContent()).toContain('F. Rincon, J. Fluid Mech. 85');

    const queues = references.filter({ hasText: 'Elastic queues for mooring loads' });
    await queues.getByTestId('row-save').click();
    await queues.getByTestId('row-saved').waitFor({ timeout: 10_000 });
    const popup = await env.session.openPopup();
    await popup.getByTestId('paper').first().waitFor();
    expect((await popup.getByTestId('paper').allTextContents()).join('\n')).toContain(
      'Elastic queues for mooring loads',
    );
  });
});

describe('Chromium: the panel on an older journal page that prints its references as blocks', () => {
  const env = useServerAndBrowser(launchChromium);

  it('lists each printed entry with the title and authors read from it, and saves one', async () => {
    const page = await env.session.context.newPage();
    await page.goto(env.server.url('/journal-article-2009.html'));
    await page.getByTestId('panel-title').waitFor({ timeout: 15_000 });
    const references = page.getByTestId('references-table').getByTestId('work-row');
    await references.first().waitFor();
    expect(await references.count()).toBe(3);
    const fuchs = references.filter({ hasText: 'Tissue engineering: a 21st century solution' });
    expect(await fuchs.textContent()).toContain('Fuchs');
    expect(await fuchs.textContent()).not.toContain('Cited By');
    const dynamo = references.filter({ hasText: 'Astrophysical magnetic fields' });
    expect(await dynamo.textContent()).toContain('Brandenburg');

    await fuchs.getByTestId('row-save').click();
    await fuchs.getByTestId('row-saved').waitFor({ timeout: 10_000 });
    const popup = await env.session.openPopup();
    await popup.getByTestId('paper').first().waitFor();
    const saved = (await popup.getByTestId('paper').allTextContents()).join('\n');
    expect(saved).toContain(
      'Tissue engineering: a 21st century solution to surgical reconstruction',
    );
    expect(saved).toContain('Fuchs');
  });
});

describe('Chromium: the panel on a repository record that has no metadata tags', () => {
  const env = useServerAndBrowser(launchChromium);

  it('shows the record read from its layout and saves it', async () => {
    const page = await env.session.context.newPage();
    await page.goto(env.server.url('/repository-item.html'));
    await page.getByTestId('panel-title').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('panel-title').textContent()).toBe(
      'Salt marsh accretion under rising seas in a microtidal lagoon',
    );
    const authors = await page.getByTestId('panel-authors').textContent();
    expect(authors).toContain('Rinaldi');
    expect(authors).toContain('Osei');
    expect(await page.getByTestId('abstract').textContent()).toContain('Marsh platforms');

    await saveFromPanel(page);
    const popup = await env.session.openPopup();
    await popup.getByTestId('paper').first().waitFor();
    const saved = (await popup.getByTestId('paper').allTextContents()).join('\n');
    expect(saved).toContain('Salt marsh accretion under rising seas in a microtidal lagoon');
    expect(saved).toContain('2021');
  });
});

describe('Firefox: the panel on a paper summary page', () => {
  const env = useServerAndBrowser(launchFirefox);

  it('shows key terms and citing and cited works', async () => {
    const page = await env.session.browser.newPage();
    await page.goto(env.server.url('/summary-page.html'));
    await inPanel(page, '[data-testid="panel-title"]', 20_000);
    await inPanel(page, '[data-testid="key-term"]');
    const chips = await page.$$('>>> [data-testid="key-term"]');
    expect(chips).toHaveLength(8);
    await inPanel(page, '[data-testid="citations-table"] [data-testid="work-row"]');
    const rows = await page.$$('>>> [data-testid="work-row"]');
    expect(rows).toHaveLength(8);
  });

  it('lists the references a journal article prints', async () => {
    const page = await env.session.browser.newPage();
    await page.goto(env.server.url('/journal-article.html'));
    await inPanel(page, '[data-testid="panel-title"]', 20_000);
    await inPanel(page, '[data-testid="references-table"] [data-testid="work-row"]');
    const rows = await page.$$('>>> [data-testid="references-table"] [data-testid="work-row"]');
    expect(rows).toHaveLength(3);
  });

  it('shows a repository record read from its layout', async () => {
    const page = await env.session.browser.newPage();
    await page.goto(env.server.url('/repository-item.html'));
    const title = await inPanel(page, '[data-testid="panel-title"]', 20_000);
    expect(await title.evaluate((el) => el.textContent)).toBe(
      'Salt marsh accretion under rising seas in a microtidal lagoon',
    );
    const authors = await page.$('>>> [data-testid="panel-authors"]');
    expect(await authors?.evaluate((el) => el.textContent)).toContain('Osei');
  });

  it('lists the references an older journal page prints as blocks', async () => {
    const page = await env.session.browser.newPage();
    await page.goto(env.server.url('/journal-article-2009.html'));
    await inPanel(page, '[data-testid="panel-title"]', 20_000);
    await inPanel(page, '[data-testid="references-table"] [data-testid="work-row"]');
    const rows = await page.$$('>>> [data-testid="references-table"] [data-testid="work-row"]');
    expect(rows).toHaveLength(3);
    const texts = await Promise.all(rows.map((r) => r.evaluate((el) => el.textContent)));
    expect(texts.join('\n')).toContain('Astrophysical magnetic fields and nonlinear dynamo theory');
  });
});
