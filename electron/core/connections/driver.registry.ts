import type { BackendKind } from '../../../shared/model/connection.js';
import { AppError } from '../../../shared/errors.js';
import type { BackendDriver } from '../backends/backend.js';
import type { DriverLoader } from '../backends/drivers.js';

/** Drivers given ready-made (tests, embedders), or loaders by kind that import a driver on first use. */
export type DriverSources = readonly BackendDriver[] | Readonly<Partial<Record<BackendKind, DriverLoader>>>;

function loadersOf(sources: DriverSources): Map<BackendKind, DriverLoader> {
  const loaders = new Map<BackendKind, DriverLoader>();
  if (Array.isArray(sources)) {
    for (const driver of sources as readonly BackendDriver[]) {
      loaders.set(driver.kind, () => Promise.resolve(driver));
    }
    return loaders;
  }
  for (const [kind, loader] of Object.entries(sources) as Array<[BackendKind, DriverLoader | undefined]>) {
    if (loader) loaders.set(kind, loader);
  }
  return loaders;
}

/** Looks up the driver for a backend kind; the only place that knows which drivers exist. */
export class DriverRegistry {
  private readonly loaders: Map<BackendKind, DriverLoader>;
  /** Loaded (or loading) drivers; a failed load is dropped so the next use tries again. */
  private readonly loaded = new Map<BackendKind, Promise<BackendDriver>>();

  constructor(sources: DriverSources) {
    this.loaders = loadersOf(sources);
  }

  /** The kinds this registry can connect to (loaded or not). */
  kinds(): BackendKind[] {
    return [...this.loaders.keys()];
  }

  get(kind: BackendKind): Promise<BackendDriver> {
    const cached = this.loaded.get(kind);
    if (cached) return cached;
    const loader = this.loaders.get(kind);
    if (!loader) return Promise.reject(new AppError('UNSUPPORTED', `No driver for ${kind} connections.`));
    const loading = loader().catch((error: unknown) => {
      this.loaded.delete(kind);
      const reason = error instanceof Error ? error.message : String(error);
      throw new AppError('UNSUPPORTED', `The ${kind} driver could not be loaded (${reason}).`);
    });
    this.loaded.set(kind, loading);
    return loading;
  }
}
