import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { useConnectivityStore } from '../../src/client/features/frame/connectivityStore'

describe('connectivity', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('counts a request that gets through after a spell of unreachable as coming back', () => {
    const connectivity = useConnectivityStore()
    connectivity.markReachable()
    expect(connectivity.resumeCount).toBe(0)
    connectivity.markUnreachable()
    expect(connectivity.online).toBe(false)
    connectivity.markReachable()
    connectivity.markReachable()
    expect(connectivity.online).toBe(true)
    expect(connectivity.resumeCount).toBe(1)
  })
})
