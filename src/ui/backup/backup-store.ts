import { proxy, type Remote } from 'comlink';
import type { BackupProgress, EngineApi } from '../../core/protocol';
import { callReporting } from '../../rpc/reporting-call';
import { describeExport, describeImport } from '../format';
import { Store } from '../store';
import { chooseSaveTarget } from './save-target';

interface BackupState {
  /** An export or import running, with where it stands. */
  running?: { kind: 'export' | 'import'; progress?: BackupProgress };
  /** How the last one ended. */
  outcome?: { problem: boolean; message: string };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** `docent-library-2026-12-04.docent` */
export const backupFileName = (date: Date) => `docent-library-${date.toISOString().slice(0, 10)}.docent`;

/** Export of the library to one file and import of such a file, run by the library worker; their progress and outcome. */
export class BackupStore extends Store<BackupState> {
  #cancelled = false;

  constructor(
    private readonly engine: Remote<EngineApi>,
    /** Runs after an import, which may have added conversations. */
    private readonly onImported: () => Promise<void>,
  ) {
    super({});
  }

  readonly exportLibrary = async () => {
    if (this.state.running) return;
    let target;
    try {
      target = await chooseSaveTarget(backupFileName(new Date()));
    } catch (error) {
      return this.update({ outcome: { problem: true, message: `The backup could not be saved there: ${messageOf(error)}` } });
    }
    if (!target) return;
    this.#cancelled = false;
    this.update({ running: { kind: 'export' }, outcome: undefined });
    const write = async (bytes: Uint8Array) => !this.#cancelled && (await target.write(bytes));
    try {
      const summary = await callReporting(
        (onProgress) => this.engine.exportLibrary(proxy(write), onProgress),
        (progress: BackupProgress) => this.update({ running: { kind: 'export', progress } }),
      );
      if (summary) await target.close();
      else await target.abort();
      this.update({ outcome: { problem: false, message: summary ? describeExport(summary, target.name) : 'Export cancelled: no backup was saved.' } });
    } catch (error) {
      await target.abort().catch(() => undefined);
      this.update({ outcome: { problem: true, message: `The library could not be exported: ${messageOf(error)}` } });
    } finally {
      this.update({ running: undefined });
    }
  };

  readonly cancelExport = () => {
    this.#cancelled = true;
  };

  readonly importLibrary = async (file: File) => {
    if (this.state.running) return;
    this.update({ running: { kind: 'import' }, outcome: undefined });
    try {
      const summary = await callReporting(
        (onProgress) => this.engine.importLibrary(file, onProgress),
        (progress: BackupProgress) => this.update({ running: { kind: 'import', progress } }),
      );
      await this.onImported();
      this.update({ outcome: { problem: false, message: describeImport(summary, file.name) } });
    } catch (error) {
      this.update({ outcome: { problem: true, message: `${file.name} was not imported. ${messageOf(error)} Your library is unchanged.` } });
    } finally {
      this.update({ running: undefined });
    }
  };
}
