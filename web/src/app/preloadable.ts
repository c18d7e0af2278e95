/** Code fetched once on demand (a page's chunk); `current()` returns it once it has arrived. */
export interface Preloadable<T> {
  load(): Promise<T>;
  current(): T | undefined;
}

export function preloadable<T>(load: () => Promise<T>): Preloadable<T> {
  let pending: Promise<T> | undefined;
  let loaded: T | undefined;
  return {
    load() {
      pending ??= load().then(
        (value) => {
          loaded = value;
          return value;
        },
        (error: unknown) => {
          pending = undefined; // a failed chunk (network) is fetched again next time
          throw error;
        },
      );
      return pending;
    },
    current: () => loaded,
  };
}
