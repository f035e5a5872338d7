import { Store } from '../store';

/** Set while the page reloads once to become cross-origin isolated, so it never reloads in a loop. */
const ISOLATION_RELOAD = 'docent.isolation-reload';
/** How long a first visit waits for the service worker before it runs without threads instead. */
const ISOLATION_WAIT_MS = 60_000;
/** How long an accepted update may wait for the new version to take over before the page reloads anyway. */
const UPDATE_RELOAD_MS = 3_000;

interface AppShellState {
  /** A service worker keeps the app (not in the development server, nor in browsers without service workers). */
  supported: boolean;
  /** The service worker has cached this version of the app: it opens with no network. */
  offlineReady: boolean;
  /** A new version is installed and waiting; applying it reloads the page onto it. */
  updateReady: boolean;
  /** SharedArrayBuffer is available, so ONNX Runtime runs several threads. */
  isolated: boolean;
}

/** Resolves once the registration has an active worker; rejects if the one installing fails. */
function activation(registration: ServiceWorkerRegistration): Promise<void> {
  if (registration.active) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const worker = registration.installing ?? registration.waiting;
    if (!worker) return reject(new Error('No service worker is installing.'));
    worker.addEventListener('statechange', () => {
      if (worker.state === 'activated') resolve();
      if (worker.state === 'redundant') reject(new Error('The service worker could not be installed.'));
    });
  });
}

let reloading = false;

/** Reloads the page, once however many signals call for it. */
function reloadOnce(): void {
  if (reloading) return;
  reloading = true;
  location.reload();
}

/**
 * The app shell: the service worker that keeps this version of Docent offline, makes static hosts cross-origin
 * isolated (it adds the headers they cannot send), and installs updates in the background; they take over on the
 * next visit, or now when the person accepts (never a mix of two versions' files).
 */
export class AppShell extends Store<AppShellState> {
  #waiting: ServiceWorker | undefined;

  constructor() {
    const supported = !import.meta.env.DEV && typeof navigator !== 'undefined' && 'serviceWorker' in navigator;
    super({ supported, offlineReady: false, updateReady: false, isolated: globalThis.crossOriginIsolated === true });
  }

  /**
   * Registers the service worker. Resolves to false when the page is reloading to become isolated (a host that sends
   * no isolation headers, first visit): the caller then starts nothing. `onWaiting` runs when the page waits for that.
   */
  async start(onWaiting: () => void = () => {}): Promise<boolean> {
    if (!this.state.supported) return true;
    const registering = navigator.serviceWorker.register(new URL('sw.js', document.baseURI), { updateViaCache: 'none' });
    registering.then(
      (registration) => this.#watch(registration),
      () => {},
    );
    if (crossOriginIsolated) {
      sessionStorage.removeItem(ISOLATION_RELOAD);
      return true;
    }
    // Tried once in this tab already: run without threads rather than reload again.
    if (sessionStorage.getItem(ISOLATION_RELOAD)) return true;
    onWaiting();
    try {
      const registration = await registering;
      await Promise.race([activation(registration), new Promise((_, reject) => setTimeout(reject, ISOLATION_WAIT_MS))]);
    } catch {
      return true;
    }
    sessionStorage.setItem(ISOLATION_RELOAD, '1');
    location.reload();
    return false;
  }

  /**
   * Moves this page onto the waiting version: the new worker takes over, and the page reloads with its files (on the
   * change of controller, see #watch). The browser may hold the new worker back while this page keeps the old one
   * busy (requests in flight): after a few seconds the page reloads anyway, which lets the old version go.
   */
  readonly applyUpdate = () => {
    if (!this.#waiting) return;
    this.#waiting.postMessage({ type: 'skip-waiting' });
    setTimeout(reloadOnce, UPDATE_RELOAD_MS);
  };

  #watch(registration: ServiceWorkerRegistration) {
    // A new version took over (accepted here or in another tab): this page's files are the old version's, so it
    // reloads rather than ask the new version for files it does not have. The first version taking an uncontrolled
    // page is not a change of version.
    if (navigator.serviceWorker.controller) {
      navigator.serviceWorker.addEventListener('controllerchange', reloadOnce, { once: true });
    }
    void activation(registration).then(
      () => this.update({ offlineReady: true }),
      () => {},
    );
    const offer = (worker: ServiceWorker) => {
      // Without a controller this is the first version, not an update.
      if (!navigator.serviceWorker.controller) return;
      this.#waiting = worker;
      this.update({ updateReady: true });
    };
    if (registration.waiting) offer(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed') offer(worker);
      });
    });
  }
}

/** The one app shell of this page: main.tsx starts it, the Settings and the update prompt show it. */
export const appShell = new AppShell();
