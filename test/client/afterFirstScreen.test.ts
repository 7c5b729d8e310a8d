// What the first screen does not need waits for what it does (shared/firstScreen.ts), then runs one
// piece at a time: a piece that loads something holds the next until it is done.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

describe('afterFirstScreen', () => {
  beforeEach(() => {
    vi.resetModules()
    // Every idle moment comes at once here: the order is the module's, not the timer's.
    vi.stubGlobal('requestIdleCallback', (work: () => void) => setTimeout(work, 0))
  })
  afterEach(() => vi.unstubAllGlobals())

  async function load() {
    return import('../../src/client/shared/firstScreen')
  }

  it('waits for everything the first screen waits for, also what was added meanwhile', async () => {
    const { afterFirstScreen, firstScreenWaitsFor } = await load()
    const ran: string[] = []
    let navigated!: () => void
    let unitsAnswered!: () => void
    firstScreenWaitsFor(new Promise<void>((done) => (navigated = done)))
    afterFirstScreen(() => ran.push('sync'))
    await new Promise((r) => setTimeout(r, 5))
    expect(ran).toEqual([])
    // The home asks for its units while the navigation is still pending.
    firstScreenWaitsFor(new Promise<void>((done) => (unitsAnswered = done)))
    navigated()
    await new Promise((r) => setTimeout(r, 5))
    expect(ran).toEqual([])
    unitsAnswered()
    await vi.waitFor(() => expect(ran).toEqual(['sync']))
  })

  it('a first screen that failed to load its data does not hold the rest back', async () => {
    const { afterFirstScreen, firstScreenWaitsFor } = await load()
    const ran: string[] = []
    firstScreenWaitsFor(Promise.reject(new Error('offline')))
    afterFirstScreen(() => ran.push('sync'))
    await vi.waitFor(() => expect(ran).toEqual(['sync']))
  })

  it("runs the pieces in turn: the next starts only once the previous one's chunk has loaded", async () => {
    const { afterFirstScreen } = await load()
    const events: string[] = []
    let chunkLoaded!: () => void
    afterFirstScreen(() => {
      events.push('status line asked')
      return new Promise<void>((done) => (chunkLoaded = done)).then(() => events.push('status line loaded'))
    })
    afterFirstScreen(() => events.push('update prompt asked'))
    await vi.waitFor(() => expect(events).toEqual(['status line asked']))
    await new Promise((r) => setTimeout(r, 5))
    expect(events).toEqual(['status line asked'])
    chunkLoaded()
    await vi.waitFor(() => expect(events).toEqual(['status line asked', 'status line loaded', 'update prompt asked']))
  })

  it('a piece that fails does not stop the ones after it', async () => {
    const { afterFirstScreen } = await load()
    const ran: string[] = []
    afterFirstScreen(() => Promise.reject(new Error('chunk failed')))
    afterFirstScreen(() => {
      throw new Error('threw')
    })
    afterFirstScreen(() => ran.push('install hint'))
    await vi.waitFor(() => expect(ran).toEqual(['install hint']))
  })
})
