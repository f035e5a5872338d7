import { useSyncExternalStore } from 'react';

/** State that lives outside React (worker replies, streams), read by components through `useStore`. */
export class Store<State> {
  #state: State;
  readonly #listeners = new Set<() => void>();

  constructor(initial: State) {
    this.#state = initial;
  }

  readonly subscribe = (listener: () => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  readonly getSnapshot = () => this.#state;

  protected get state(): State {
    return this.#state;
  }

  protected update(changes: Partial<State> | ((state: State) => Partial<State>)) {
    this.#state = { ...this.#state, ...(typeof changes === 'function' ? changes(this.#state) : changes) };
    for (const listener of this.#listeners) listener();
  }
}

export function useStore<State>(store: Store<State>): State {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
