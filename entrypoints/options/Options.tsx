import { useEffect, useState } from 'preact/hooks';
import { LibraryData } from '@/components/options/LibraryData';
import { hostnameOf } from '@/components/options/sites';
import { formatInfo } from '@/utils/formats/registry';
import {
  baseCitationKey,
  checkKeyPattern,
  DEFAULT_KEY_PATTERN,
} from '@/utils/formats/citation-key';
import type { Paper } from '@/utils/paper';
import {
  citationKeyPattern,
  defaultExportFormat,
  panelDisabledSites,
  panelEnabled,
  panelPosition,
  setSiteFlag,
  type ExportFormatId,
  type PanelPosition,
} from '@/utils/settings';

/** The paper the key pattern preview is shown for. */
const EXAMPLE: Paper = {
  title: 'Attention Is All You Need',
  authors: [
    { given: 'Ashish', family: 'Vaswani' },
    { given: 'Noam', family: 'Shazeer' },
  ],
  year: 2017,
  keywords: [],
  keyTerms: [],
  references: [],
  citations: [],
  sources: {},
};

interface Loaded {
  enabled: boolean;
  position: PanelPosition;
  sites: string[];
  format: ExportFormatId;
  pattern: string;
}

/** Settings: the in-page panel, export defaults, and the library's data. */
export function Options() {
  const [s, setS] = useState<Loaded | null>(null);
  const [pattern, setPattern] = useState('');
  const [site, setSite] = useState('');
  const [siteError, setSiteError] = useState('');
  const [saved, setSaved] = useState('');

  useEffect(() => {
    void Promise.all([
      panelEnabled.getValue(),
      panelPosition.getValue(),
      panelDisabledSites.getValue(),
      defaultExportFormat.getValue(),
      citationKeyPattern.getValue(),
    ]).then(([enabled, position, sites, format, keyPattern]) => {
      setS({ enabled, position, sites, format, pattern: keyPattern });
      setPattern(keyPattern);
    });
    return panelDisabledSites.watch((d) => setS((cur) => (cur ? { ...cur, sites: d ?? [] } : cur)));
  }, []);

  const confirm = (text = 'Saved.') => {
    setSaved(text);
    setTimeout(() => setSaved(''), 2000);
  };
  const set = <K extends keyof Loaded>(key: K, value: Loaded[K], store: () => Promise<void>) => {
    setS((cur) => (cur ? { ...cur, [key]: value } : cur));
    void store().then(() => confirm());
  };

  if (!s) return <p role="status">Loading settings…</p>;
  const patternProblem = checkKeyPattern(pattern);

  return (
    <main class="options">
      <h1>Papershelf settings</h1>

      <section aria-labelledby="panel-heading">
        <h2 id="panel-heading">In-page panel</h2>
        <label class="row">
          <input
            type="checkbox"
            data-testid="panel-enabled"
            checked={s.enabled}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              set('enabled', on, () => panelEnabled.setValue(on));
            }}
          />{' '}
          Show the Papershelf panel on paper pages
        </label>
        <fieldset>
          <legend>Panel position</legend>
          {(['right', 'left'] as const).map((p) => (
            <label key={p} class="row">
              <input
                type="radio"
                name="position"
                value={p}
                data-testid={`panel-position-${p}`}
                checked={s.position === p}
                onChange={() => set('position', p, () => panelPosition.setValue(p))}
              />{' '}
              {p === 'right' ? 'Right edge' : 'Left edge'}
            </label>
          ))}
        </fieldset>
        <h3>Sites where the panel is off</h3>
        {s.sites.length === 0 ? (
          <p class="muted">None. Turn the panel off for a site here or from the panel itself.</p>
        ) : (
          <ul data-testid="disabled-sites">
            {s.sites.map((host) => (
              <li key={host}>
                {host}{' '}
                <button
                  type="button"
                  aria-label={`Turn the panel back on for ${host}`}
                  onClick={() =>
                    void setSiteFlag(panelDisabledSites, host, false).then(() => confirm())
                  }
                >
                  Turn back on
                </button>
              </li>
            ))}
          </ul>
        )}
        <form
          class="inline"
          onSubmit={(e) => {
            e.preventDefault();
            const host = hostnameOf(site);
            if (!host) {
              setSiteError('Type a site such as arxiv.org or a page address.');
              return;
            }
            setSiteError('');
            setSite('');
            void setSiteFlag(panelDisabledSites, host, true).then(() => confirm());
          }}
        >
          <label>
            Turn the panel off on{' '}
            <input
              type="text"
              data-testid="site-input"
              placeholder="example.org"
              maxLength={2048}
              value={site}
              aria-invalid={siteError ? true : undefined}
              aria-describedby={siteError ? 'site-error' : undefined}
              onInput={(e) => setSite(e.currentTarget.value)}
            />
          </label>{' '}
          <button type="submit" data-testid="site-add">
            Turn off
          </button>
          {siteError && (
            <p id="site-error" class="error" role="alert">
              {siteError}
            </p>
          )}
        </form>
      </section>

      <section aria-labelledby="export-heading">
        <h2 id="export-heading">Export</h2>
        <label>
          Default format{' '}
          <select
            data-testid="default-format"
            value={s.format}
            onChange={(e) => {
              const f = e.currentTarget.value as ExportFormatId;
              set('format', f, () => defaultExportFormat.setValue(f));
            }}
          >
            {formatInfo.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (patternProblem) return;
            set('pattern', pattern, () => citationKeyPattern.setValue(pattern));
          }}
        >
          <label>
            Citation key pattern{' '}
            <input
              type="text"
              data-testid="key-pattern"
              value={pattern}
              maxLength={200}
              aria-invalid={patternProblem ? true : undefined}
              aria-describedby="pattern-help"
              onInput={(e) => setPattern(e.currentTarget.value)}
            />
          </label>{' '}
          <button
            type="submit"
            data-testid="key-pattern-save"
            disabled={!!patternProblem || pattern === s.pattern}
          >
            Save
          </button>{' '}
          <button
            type="button"
            disabled={pattern === DEFAULT_KEY_PATTERN}
            onClick={() => setPattern(DEFAULT_KEY_PATTERN)}
          >
            Default
          </button>
          <p
            id="pattern-help"
            class={patternProblem ? 'error' : 'muted'}
            data-testid="key-pattern-help"
          >
            {patternProblem ??
              `“Attention Is All You Need” (Vaswani, 2017) gets the key ${baseCitationKey(EXAMPLE, pattern)}. Parts: {author} {authors} {year} {title} {shorttitle}.`}
          </p>
        </form>
      </section>

      <LibraryData />

      <p role="status" aria-live="polite" class="saved">
        {saved}
      </p>
    </main>
  );
}
