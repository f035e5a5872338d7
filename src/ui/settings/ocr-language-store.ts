import type { Remote } from 'comlink';
import type { EngineApi, OcrLanguageProgress } from '../../core/protocol';
import { callReporting } from '../../rpc/reporting-call';
import { Store } from '../store';

const STORAGE_KEY = 'docent.ocr-languages';

/** The on-demand OCR languages chosen in Settings (English is always read). */
export function readOcrLanguages(): string[] {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(saved) ? saved.filter((code): code is string => typeof code === 'string') : [];
  } catch {
    return [];
  }
}

interface OcrLanguageState {
  /** Languages kept in this browser (undefined until the library worker says). */
  kept?: string[];
  /** The language being fetched, and how far. */
  fetching?: OcrLanguageProgress;
  problem?: string;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Which OCR languages Docent reads scans in, fetched from the site and kept by the library worker. */
export class OcrLanguageStore extends Store<OcrLanguageState> {
  constructor(private readonly engine: Remote<EngineApi>) {
    super({});
  }

  readonly refresh = async () => {
    try {
      this.update({ kept: await this.engine.keptOcrLanguages() });
    } catch (error) {
      this.update({ problem: `The OCR languages kept here could not be listed: ${messageOf(error)}` });
    }
  };

  /** Turns a language on (fetched, with progress, and kept for offline use) or off (deleted). */
  readonly choose = async (code: string, on: boolean) => {
    if (this.state.fetching) return;
    const chosen = [...new Set([...(this.state.kept ?? readOcrLanguages()).filter((other) => other !== code), ...(on ? [code] : [])])];
    this.update({ problem: undefined, fetching: on ? { code, loadedBytes: 0, totalBytes: 0 } : undefined });
    try {
      const kept = await callReporting((onProgress) => this.engine.setOcrLanguages(chosen, onProgress), (fetching: OcrLanguageProgress) => this.update({ fetching }));
      localStorage.setItem(STORAGE_KEY, JSON.stringify(kept));
      this.update({ kept, fetching: undefined });
    } catch (error) {
      this.update({ fetching: undefined, problem: `That language could not be kept: ${messageOf(error)}` });
      await this.refresh();
    }
  };
}
