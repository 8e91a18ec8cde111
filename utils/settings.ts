import { storage } from 'wxt/utils/storage';

/**
 * User settings, kept in extension storage (`local`: settings are per machine, like the library).
 * Each item has a version so later releases can migrate it (WXT storage item migrations).
 */

export type PanelPosition = 'right' | 'left';
export type ExportFormatId = 'bibtex' | 'ris' | 'csl-json' | 'csv' | 'markdown' | 'json';

export const panelEnabled = storage.defineItem<boolean>('local:panelEnabled', {
  fallback: true,
  version: 1,
});

/** Hostnames on which the user turned the panel off. */
export const panelDisabledSites = storage.defineItem<string[]>('local:panelDisabledSites', {
  fallback: [],
  version: 1,
});

/** Hostnames on which the user folded the panel to its tab. */
export const panelFoldedSites = storage.defineItem<string[]>('local:panelFoldedSites', {
  fallback: [],
  version: 1,
});

export const panelPosition = storage.defineItem<PanelPosition>('local:panelPosition', {
  fallback: 'right',
  version: 1,
});

export const defaultExportFormat = storage.defineItem<ExportFormatId>('local:defaultExportFormat', {
  fallback: 'bibtex',
  version: 1,
});

/** Citation key pattern: `{author}`, `{year}`, `{title}` (first significant word). */
export const citationKeyPattern = storage.defineItem<string>('local:citationKeyPattern', {
  fallback: '{author}{year}{title}',
  version: 1,
});

/** Whether the panel should show on a page of this host, given both switches. */
export async function panelAllowedOn(hostname: string): Promise<boolean> {
  const [enabled, disabled] = await Promise.all([
    panelEnabled.getValue(),
    panelDisabledSites.getValue(),
  ]);
  return enabled && !disabled.includes(hostname);
}

/** Adds or removes `hostname` from a per-site list setting. */
export async function setSiteFlag(
  item: typeof panelDisabledSites,
  hostname: string,
  on: boolean,
): Promise<void> {
  const sites = await item.getValue();
  const next = on ? [...new Set([...sites, hostname])] : sites.filter((s) => s !== hostname);
  await item.setValue(next);
}
