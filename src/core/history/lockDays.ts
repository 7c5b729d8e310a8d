// How many days after "Dialog afholdt" a dialogue locks unless the server says otherwise
// (DIALOGUE_LOCK_DAYS). Its own module: the device's start-up reads this default without loading
// the lock rule and its date arithmetic (core/history/dialogueLock.ts).
export const DIALOGUE_LOCK_DAYS = 14
