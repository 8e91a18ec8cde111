import { useEffect, useState } from 'preact/hooks';
import {
  panelDisabledSites,
  panelEnabled,
  panelPosition,
  setSiteFlag,
  type PanelPosition,
} from '@/utils/settings';

/** Settings: where and how the in-page panel shows. */
export function Options() {
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [position, setPosition] = useState<PanelPosition>('right');
  const [disabledSites, setDisabledSites] = useState<string[]>([]);
  const [saved, setSaved] = useState('');

  useEffect(() => {
    void Promise.all([
      panelEnabled.getValue(),
      panelPosition.getValue(),
      panelDisabledSites.getValue(),
    ]).then(([e, p, d]) => {
      setEnabled(e);
      setPosition(p);
      setDisabledSites(d);
    });
    return panelDisabledSites.watch((d) => setDisabledSites(d ?? []));
  }, []);

  const confirm = (text: string) => {
    setSaved(text);
    setTimeout(() => setSaved(''), 2000);
  };

  if (enabled === null) return <p role="status">Loading settings…</p>;

  return (
    <main class="options">
      <h1>Papershelf settings</h1>
      <section aria-labelledby="panel-heading">
        <h2 id="panel-heading">In-page panel</h2>
        <label>
          <input
            type="checkbox"
            data-testid="panel-enabled"
            checked={enabled}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              setEnabled(on);
              void panelEnabled.setValue(on).then(() => confirm('Saved.'));
            }}
          />{' '}
          Show the Papershelf panel on paper pages
        </label>
        <fieldset>
          <legend>Panel position</legend>
          {(['right', 'left'] as const).map((p) => (
            <label key={p}>
              <input
                type="radio"
                name="position"
                value={p}
                checked={position === p}
                onChange={() => {
                  setPosition(p);
                  void panelPosition.setValue(p).then(() => confirm('Saved.'));
                }}
              />{' '}
              {p === 'right' ? 'Right edge' : 'Left edge'}
            </label>
          ))}
        </fieldset>
        <h3>Sites where the panel is off</h3>
        {disabledSites.length === 0 ? (
          <p class="muted">None. Turn the panel off for a site from the panel itself.</p>
        ) : (
          <ul>
            {disabledSites.map((site) => (
              <li key={site}>
                {site}{' '}
                <button
                  type="button"
                  onClick={() => void setSiteFlag(panelDisabledSites, site, false)}
                >
                  Turn back on
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p role="status" aria-live="polite" class="saved">
        {saved}
      </p>
    </main>
  );
}
