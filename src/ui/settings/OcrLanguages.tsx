import { useEffect, useId } from 'react';
import { BUILT_IN_OCR_LANGUAGE, ON_DEMAND_OCR_LANGUAGES } from '../../core/ocr-languages';
import { formatBytes, formatProgress } from '../format';
import { useStore } from '../store';
import type { OcrLanguageStore } from './ocr-language-store';

/** Settings → "Reading scans": the languages OCR reads besides English, each fetched from this site when turned on. */
export function OcrLanguages({ store }: { store: OcrLanguageStore }) {
  const headingId = useId();
  const { kept, fetching, problem } = useStore(store);
  useEffect(() => void store.refresh(), [store]);
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>Reading scans (OCR)</h3>
      <p>
        Scanned pages and images are read in {BUILT_IN_OCR_LANGUAGE.name}, built in. Other languages are fetched from this site when you turn
        them on, and kept in this browser to work offline.
      </p>
      <ul className="settings__ocr-languages" aria-label="Languages read in scans">
        {ON_DEMAND_OCR_LANGUAGES.map(({ code, name, bytes }) => (
          <li key={code}>
            <label>
              <input
                type="checkbox"
                checked={fetching?.code === code || (kept?.includes(code) ?? false)}
                disabled={kept === undefined || fetching !== undefined}
                onChange={(event) => void store.choose(code, event.target.checked)}
              />
              {name} ({formatBytes(bytes)})
            </label>
            {fetching?.code === code && (
              <>
                {' '}
                <progress aria-label={`Fetching ${name}`} value={fetching.loadedBytes} max={fetching.totalBytes || undefined} />{' '}
                <span role="status">{formatProgress(fetching.loadedBytes, fetching.totalBytes)}</span>
              </>
            )}
            {kept?.includes(code) && fetching?.code !== code && <span> kept for offline use</span>}
          </li>
        ))}
      </ul>
      {problem && <p role="alert">{problem}</p>}
    </section>
  );
}
