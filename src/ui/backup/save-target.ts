import { DOWNLOAD_PATH, type DownloadMessage, type PageMessage } from '../../sw/precache';

/** Where an export writes, a piece at a time. */
export interface SaveTarget {
  /** The file's name, as the person will find it. */
  name: string;
  /** Writes the next piece; false when the person cancelled the download in the browser. */
  write(bytes: Uint8Array): Promise<boolean>;
  close(): Promise<void>;
  /** Ends it unfinished: no file is left (a picked file keeps what it held). */
  abort(): Promise<void>;
}

interface SaveFilePicker {
  showSaveFilePicker?(options: {
    suggestedName: string;
    types: { description: string; accept: Record<string, string[]> }[];
  }): Promise<{ name: string; createWritable(): Promise<FileSystemWritableFileStream> }>;
}

/**
 * Where a backup goes: a file the person picks (the File System Access API, written as it comes), else a download
 * the service worker streams, else (no service worker: the development server) a download assembled in a Blob, which
 * the browser keeps outside JavaScript's memory. Undefined when the person closed the file picker. Call it straight
 * from the click: the picker needs the person's gesture.
 */
export async function chooseSaveTarget(suggestedName: string): Promise<SaveTarget | undefined> {
  const { showSaveFilePicker } = window as SaveFilePicker;
  if (showSaveFilePicker) {
    const types = [{ description: 'Docent library backup', accept: { 'application/octet-stream': ['.docent'] } }];
    const handle = await showSaveFilePicker.call(window, { suggestedName, types }).catch((error: unknown) => {
      if (error instanceof DOMException && error.name === 'AbortError') return undefined;
      throw error;
    });
    if (!handle) return undefined;
    const writable = await handle.createWritable();
    return {
      name: handle.name,
      write: async (bytes) => {
        await writable.write(bytes as Uint8Array<ArrayBuffer>);
        return true;
      },
      close: () => writable.close(),
      abort: () => writable.abort(),
    };
  }
  const worker = navigator.serviceWorker?.controller;
  return worker ? streamedDownload(worker, suggestedName) : downloadFromMemory(suggestedName);
}

/** A download the service worker streams: it pulls each piece once the browser has written the last (sw.ts). */
async function streamedDownload(worker: ServiceWorker, name: string): Promise<SaveTarget> {
  const id = crypto.randomUUID();
  const { port1: port, port2 } = new MessageChannel();
  let pulls = 0;
  let cancelled = false;
  let wake: (() => void) | undefined;
  const ready = new Promise<void>((resolve) => {
    port.onmessage = ({ data }: MessageEvent<DownloadMessage>) => {
      if (data.type === 'ready') return resolve();
      if (data.type === 'cancel') cancelled = true;
      pulls++;
      wake?.();
    };
  });
  const nextPull = async () => {
    if (pulls === 0) await new Promise<void>((resolve) => (wake = resolve));
    wake = undefined;
    pulls--;
  };
  worker.postMessage({ type: 'download', id, name } satisfies PageMessage, [port2]);
  await ready;
  const frame = document.createElement('iframe');
  frame.hidden = true;
  frame.title = name;
  frame.src = new URL(`${DOWNLOAD_PATH}${id}`, document.baseURI).href;
  document.body.append(frame);
  const send = (message: DownloadMessage, transfer: Transferable[] = []) => port.postMessage(message, transfer);
  return {
    name,
    async write(bytes) {
      await nextPull();
      if (cancelled) return false;
      send({ type: 'piece', bytes }, [bytes.buffer]);
      return true;
    },
    async close() {
      await nextPull();
      send({ type: 'done' });
      frame.remove();
    },
    async abort() {
      send({ type: 'abort' });
      frame.remove();
    },
  };
}

function downloadFromMemory(name: string): SaveTarget {
  let blob = new Blob([]);
  return {
    name,
    write: async (bytes) => {
      blob = new Blob([blob, bytes as Uint8Array<ArrayBuffer>]);
      return true;
    },
    close: async () => {
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    },
    abort: async () => {
      blob = new Blob([]);
    },
  };
}
