// What a desk screen fetches when it opens: loading, failed (with what the failure means, for
// another try), or the data. A reload keeps the data on screen until the new answer is there.
import { onMounted, ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import { classifyError, type ErrorKind } from '../api/errors'

export interface Loaded<T> {
  state: Ref<'loading' | 'ready' | 'error'>
  failure: ShallowRef<{ kind: ErrorKind; message: string } | null>
  data: ShallowRef<T | null>
  load: () => Promise<void>
}

export function useLoaded<T>(fetch: () => Promise<T>): Loaded<T> {
  const state = ref<'loading' | 'ready' | 'error'>('loading')
  const failure = shallowRef<{ kind: ErrorKind; message: string } | null>(null)
  const data = shallowRef<T | null>(null) as ShallowRef<T | null>
  async function load(): Promise<void> {
    if (data.value === null) state.value = 'loading'
    try {
      data.value = await fetch()
      state.value = 'ready'
    } catch (error) {
      const found = classifyError(error)
      failure.value = { kind: found.kind, message: found.message }
      state.value = 'error'
    }
  }
  onMounted(load)
  return { state, failure, data, load }
}
