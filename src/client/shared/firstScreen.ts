// Work the first screen does not need — starting sync, registering the service worker, the install
// hint and the update prompt, the sync status line, the home's second layer — waits until that
// screen has its content. Run while the page still waits for its data, it would compete with it for
// the network and the main thread. Then it runs one piece at a time, each in an idle moment of its
// own and only after the previous one (its chunk loaded and rendered) is done: loaded together,
// their chunks would be evaluated and rendered in one long task while the person starts to read
// (and tap).
import { onMounted, ref, type Ref } from 'vue'
import { whenIdle } from './idle'

/** What the first screen still waits for (its first navigation, a home's units). */
let pending: Array<Promise<unknown>> = []
/** The pieces waiting their turn, and the one running. */
let queue: Promise<void> = Promise.resolve()

/** The first screen waits for `loading` too (asked before or while the first pieces wait). */
export function firstScreenWaitsFor(loading: Promise<unknown>): void {
  pending.push(loading.catch(() => undefined))
}

/** Settles once everything the first screen waits for has, also what was added meanwhile. */
async function firstScreenSettled(): Promise<void> {
  while (pending.length > 0) {
    const now = pending
    pending = []
    await Promise.all(now)
    // What rendered meanwhile (the page of the first navigation) may have added its own.
    if (pending.length === 0) await new Promise((resolve) => setTimeout(resolve))
  }
  // In the DOM is not yet on screen: what follows waits for the paint too, so that its requests
  // and chunks never delay the first screen's frame.
  await afterNextPaint()
}

/** A task queued from an animation frame runs once that frame is painted. */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)))
}

/**
 * Runs `work` once the first screen has its content, in an idle moment after the pieces queued
 * before it. Work that returns a promise (a chunk to load, say) holds the next piece until it settles.
 */
export function afterFirstScreen(work: () => unknown): void {
  queue = queue.then(firstScreenSettled).then(
    () =>
      new Promise<void>((done) =>
        whenIdle(() => {
          Promise.resolve()
            .then(work)
            .catch(() => undefined)
            .finally(() => done())
        }),
      ),
  )
}

/**
 * False until the first screen has its content and this component's turn has come (see
 * afterFirstScreen); `load` (the chunk of what then shows) is awaited before the next piece runs.
 */
export function useAfterFirstScreen(load?: () => Promise<unknown>): Readonly<Ref<boolean>> {
  const ready = ref(false)
  onMounted(() =>
    afterFirstScreen(async () => {
      await load?.()
      ready.value = true
    }),
  )
  return ready
}
