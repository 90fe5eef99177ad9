import type { BackendKind } from '../../../shared/model/connection.js';
import { AppError } from '../../../shared/errors.js';
import type { BackendDriver } from '../backends/backend.js';

/** Looks up the driver for a backend kind; the only place that knows which drivers exist. */
export class DriverRegistry {
  private readonly drivers = new Map<BackendKind, BackendDriver>();

  constructor(drivers: readonly BackendDriver[]) {
    for (const driver of drivers) this.drivers.set(driver.kind, driver);
  }

  get(kind: BackendKind): BackendDriver {
    const driver = this.drivers.get(kind);
    if (!driver) throw new AppError('UNSUPPORTED', `No driver for ${kind} connections.`);
    return driver;
  }
}
