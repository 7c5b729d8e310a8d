// A Dexie liveQuery as a Vue ref: the ref follows IndexedDB, including writes made in other tabs.
// Inside a component (or any effect scope) the subscription ends with it; outside one it lives as
// long as the page, which is what a store-level list wants.
import { liveQuery } from 'dexie'
import { getCurrentScope, onScopeDispose, shallowRef, type Ref } from 'vue'

export function liveRef<T>(query: () => Promise<T>, initial: T): Ref<T> {
  const result = shallowRef(initial) as Ref<T>
  const subscription = liveQuery(query).subscribe({
    next: (value) => {
      result.value = value
    },
    error: (error: unknown) => {
      // A failed read (the database deleted at logout) leaves the last value on screen.
      console.warn('liveQuery failed', error)
    },
  })
  if (getCurrentScope()) onScopeDispose(() => subscription.unsubscribe())
  return result
}
