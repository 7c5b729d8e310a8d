// Work the first screen does not need — starting sync, registering the service worker, the install
// hint and the update prompt, the sync status line, the home's second layer — waits until that
// screen has its content, and then for a free main thread. Run while the page still waits for its
// data, it would compete with it for the network and the main thread (and on a slow phone add its
// chunks and long tasks to the wait for the lights).
import { onMounted, ref, type Ref } from 'vue'
import { whenIdle } from './idle'

let shown: Promise<void> = Promise.resolve()

/** The first screen's data is on its way: what waits for the first screen waits for this too. */
export function firstScreenWaitsFor(loading: Promise<unknown>): void {
  shown = loading.then(
    () => undefined,
    () => undefined,
  )
}

/** Runs `work` once the first screen has its content, when the main thread is free. */
export function afterFirstScreen(work: () => void): void {
  void shown.then(() => whenIdle(work))
}

/** False until the first screen has its content (see afterFirstScreen), from a component's mount. */
export function useAfterFirstScreen(): Readonly<Ref<boolean>> {
  const ready = ref(false)
  onMounted(() => afterFirstScreen(() => (ready.value = true)))
  return ready
}
