// Offline-first sync: the protocol, the server's per-field merge, and the device's bookkeeping.
export * from './tables'
export * from './values'
export * from './protocol'
export * from './validate'
export * from './merge'
export * from './device'
