import type { DocId } from '../../core/ids';

/** A change one tab made to the shared library, announced to the others. */
export type LibraryChange = { kind: 'added' | 'removed'; docId: DocId };

const WRITE_LOCK = 'docent-library-writes';
const CHANNEL = 'docent-library';

/**
 * Keeps several tabs of Docent on one library: writes run one at a time across tabs (a Web Lock), and each tab
 * hears about the others' changes (a BroadcastChannel) to update what it holds in memory.
 */
export class LibrarySync {
  readonly #channel = new BroadcastChannel(CHANNEL);

  constructor(onRemoteChange: (change: LibraryChange) => void) {
    this.#channel.onmessage = (event: MessageEvent<LibraryChange>) => onRemoteChange(event.data);
  }

  /** Runs `write` while no other tab writes to the library. */
  async exclusive<T>(write: () => Promise<T>): Promise<T> {
    return (await navigator.locks.request(WRITE_LOCK, write)) as T;
  }

  announce(change: LibraryChange): void {
    this.#channel.postMessage(change);
  }
}
