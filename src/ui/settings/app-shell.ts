import { stopAllWorkers } from '../../rpc/running-workers';
import { VERSION_META, type PageMessage, type WorkerMessage } from '../../sw/precache';
import { Store } from '../store';

/** Set while the page reloads once to become cross-origin isolated, so it never reloads in a loop. */
const ISOLATION_RELOAD = 'docent.isolation-reload';
/** The last change of version this tab reloaded for ("page>worker"), so it never reloads in a loop. */
const VERSION_RELOAD = 'docent.version-reload';
/** How long a first visit waits for the service worker before it runs without threads instead. */
const ISOLATION_WAIT_MS = 60_000;

interface AppShellState {
  /** A service worker keeps the app (not in the development server, nor in browsers without service workers). */
  supported: boolean;
  /** The service worker has cached this version of the app: it opens with no network. */
  offlineReady: boolean;
  /** A new version is installed and waiting; applying it reloads the page onto it. */
  updateReady: boolean;
  /** The update was accepted: the page reloads as soon as the new version has taken over. */
  updating: boolean;
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

/** The version this page's files belong to, written into index.html by the build (none in development). */
const pageVersion = () => document.querySelector(`meta[name="${VERSION_META}"]`)?.getAttribute('content') ?? undefined;

/** Asks a service worker, and resolves with its answer. */
function ask<T extends WorkerMessage>(worker: ServiceWorker, message: PageMessage): Promise<T> {
  const channel = new MessageChannel();
  return new Promise((resolve) => {
    channel.port1.onmessage = (event: MessageEvent<T>) => resolve(event.data);
    worker.postMessage(message, [channel.port2]);
  });
}

/** The version of the app a service worker serves. */
const versionOf = async (worker: ServiceWorker) => (await ask<{ type: 'version'; version: string }>(worker, { type: 'version' })).version;

/**
 * A page runs only under its own version's service worker: when another version serves the site (it took over
 * while this page was open or still loading), the page reloads onto it. Once per change of version, so a host
 * serving another version's page cannot make it loop.
 */
function follow(version: string): void {
  const own = pageVersion();
  if (!own || version === own) return;
  const change = `${own}>${version}`;
  if (sessionStorage.getItem(VERSION_RELOAD) === change) return;
  sessionStorage.setItem(VERSION_RELOAD, change);
  reloadOnce();
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
    super({ supported, offlineReady: false, updateReady: false, updating: false, isolated: globalThis.crossOriginIsolated === true });
    if (supported) this.#followVersions();
  }

  /**
   * Listens from the first moment the page runs: a version that activates tells every page (the message waits until
   * the page listens), and the worker already in control when the page starts is asked which version it is.
   */
  #followVersions() {
    const container = navigator.serviceWorker;
    container.addEventListener('message', (event: MessageEvent<WorkerMessage>) => {
      if (event.data?.type === 'activated') follow(event.data.version);
    });
    container.startMessages();
    if (container.controller) void versionOf(container.controller).then(follow);
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
    reloadOnce();
    return false;
  }

  /**
   * Moves this page onto the waiting version: the new worker takes over, and tells this page, which then reloads with
   * its files (see follow). It never reloads before that: the old version would answer.
   * Chrome activates the new worker once the old one is stopped and idle. A request that reaches the old one after
   * Chrome stopped it starts it again, and the switch then waits for its idle timeout (~30 s): `skipWaiting` asks
   * Chrome to stop the old worker only once. So the page ends its own workers (once they have loaded their modules),
   * waits until the old version has answered everything they asked, and only then asks for the switch.
   */
  readonly applyUpdate = async () => {
    const waiting = this.#waiting;
    if (!waiting || this.state.updating) return;
    this.update({ updating: true });
    await stopAllWorkers();
    const { controller } = navigator.serviceWorker;
    if (controller) await ask(controller, { type: 'quiet' });
    // Replaced by a newer version before it took over: this page, its workers ended, reloads onto whichever serves.
    waiting.addEventListener('statechange', () => {
      if (waiting.state === 'redundant') reloadOnce();
    });
    waiting.postMessage({ type: 'skip-waiting' } satisfies PageMessage);
  };

  #watch(registration: ServiceWorkerRegistration) {
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
