/** Consul's limit on the operations of one transaction (its own module, so naming it does not load the driver). */
export const TXN_MAX_OPS = 64;
