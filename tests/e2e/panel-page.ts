import type { Page } from 'playwright-core';

/**
 * Presses the panel's Save toggle the way a user would: once the panel has found out whether the
 * paper is saved (the toggle is enabled), then waits until it says "Saved".
 */
export async function saveFromPanel(page: Page): Promise<void> {
  await page.getByTestId('save-toggle').waitFor({ timeout: 15_000 });
  await page.waitForFunction(
    () =>
      !document
        .querySelector('papershelf-panel')
        ?.shadowRoot?.querySelector('[data-testid="save-toggle"]')
        ?.hasAttribute('disabled'),
  );
  await page.getByTestId('save-toggle').click();
  await page.waitForFunction(
    () =>
      document
        .querySelector('papershelf-panel')
        ?.shadowRoot?.querySelector('[data-testid="save-toggle"]')
        ?.getAttribute('aria-pressed') === 'true',
  );
}
