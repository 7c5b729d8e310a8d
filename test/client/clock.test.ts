import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it, vi } from 'vitest'

// A fresh module each time: the offset is read from storage when the module loads, as on a start.
async function freshClock() {
  vi.resetModules()
  return import('../../src/client/shared/clock')
}

describe('the device’s today', () => {
  beforeEach(() => localStorage.clear())

  it('takes today from the local calendar until the server has said otherwise', async () => {
    const { todayIso } = await freshClock()
    expect(todayIso(new Date(2026, 9, 5, 23, 59))).toBe('2026-10-05')
  })

  it.each([
    ['a server started on a chosen date', new Date(2026, 11, 2, 10), '2027-01-15', new Date(2026, 11, 3, 9), '2027-01-16'],
    ['a device clock a day ahead', new Date(2026, 11, 31, 0, 30), '2026-12-30', new Date(2027, 0, 1, 8), '2026-12-31'],
    ['the same day', new Date(2026, 5, 1, 12), '2026-06-01', new Date(2026, 5, 2, 12), '2026-06-02'],
  ])('judges by the server’s day: %s', async (_case, then, serverToday, later, expected) => {
    const { adoptServerToday, todayIso } = await freshClock()
    adoptServerToday(serverToday, then)
    expect(todayIso(then)).toBe(serverToday)
    expect(todayIso(later)).toBe(expected)
  })

  it('remembers the server’s day for the next start, offline too', async () => {
    const first = await freshClock()
    first.adoptServerToday('2027-01-15', new Date(2026, 11, 2, 10))
    const next = await freshClock()
    expect(next.todayIso(new Date(2026, 11, 2, 18))).toBe('2027-01-15')
  })

  it('keeps the server’s lock days with its day, for the next start too; 14 before it has said', async () => {
    vi.resetModules()
    const first = await import('../../src/client/shared/serverToday')
    expect(first.dialogueLockDays()).toBe(14)
    first.adoptServerToday('2027-01-15', new Date(2026, 11, 2, 10), { dialogueLockDays: 7 })
    expect(first.dialogueLockDays()).toBe(7)
    vi.resetModules()
    const next = await import('../../src/client/shared/serverToday')
    expect(next.dialogueLockDays()).toBe(7)
  })

  it('ignores an answer that is not a date', async () => {
    const { adoptServerToday, todayIso } = await freshClock()
    adoptServerToday('i morgen', new Date(2026, 11, 2, 10))
    expect(todayIso(new Date(2026, 11, 2, 10))).toBe('2026-12-02')
  })
})

describe('the session check', () => {
  it('adopts the server’s today, so the unit pages judge by the server’s month', async () => {
    const { todayIso } = await freshClock()
    const { createPinia, setActivePinia } = await import('pinia')
    const { useSessionStore } = await import('../../src/client/features/session/sessionStore')
    setActivePinia(createPinia())
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(new Response(JSON.stringify({ me: null, today: '2027-01-15' }), { status: 200, headers: { 'Content-Type': 'application/json' } })),
      ),
    )
    try {
      await useSessionStore().restore()
      expect(todayIso()).toBe('2027-01-15')
    } finally {
      vi.unstubAllGlobals()
    }
  })
})
