import { useId, useState } from 'react';
import type { DevicePreference } from '../../core/runtime-plan';
import { readDevicePreference, saveDevicePreference } from '../model-settings';

/** "Run models on the CPU only": for a GPU that misbehaves. Models load where it says from the next page load on. */
export function DeviceChoice() {
  const hintId = useId();
  const [preference] = useState(readDevicePreference);
  const choose = (next: DevicePreference) => {
    saveDevicePreference(next);
    // The workers load each model once, on its device: the page starts again so both load where the choice says.
    location.reload();
  };
  return (
    <div className="settings__device">
      <label>
        <input type="checkbox" checked={preference === 'cpu'} aria-describedby={hintId} onChange={(event) => choose(event.target.checked ? 'cpu' : 'auto')} />
        Run models on the CPU only
      </label>
      <p id={hintId} className="hint">
        Models run on this computer's graphics card (WebGPU) where the browser offers one, which answers faster, and on the CPU otherwise. Changing this reloads
        Docent.
      </p>
    </div>
  );
}
