import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, NetworkError, getJson, postJson, requestJson } from '../../src/client/api/http'

const fetchMock = vi.fn<typeof fetch>()
vi.stubGlobal('fetch', fetchMock)
afterEach(() => fetchMock.mockReset())

describe('the one request function', () => {
  it('no answer at all is a NetworkError', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'))
    await expect(getJson('/api/units')).rejects.toBeInstanceOf(NetworkError)
  })

  it('an answer cut off mid-body is a NetworkError, not a parse error', async () => {
    fetchMock.mockResolvedValueOnce(new Response('{"units": [', { status: 200 }))
    await expect(getJson('/api/units')).rejects.toBeInstanceOf(NetworkError)
  })

  it('an error status is an ApiError with the server\'s code and message; a non-JSON one keeps its status', async () => {
    fetchMock.mockResolvedValueOnce(Response.json({ error: 'not_found', message: 'Enheden findes ikke.' }, { status: 404 }))
    await expect(getJson('/api/units/x')).rejects.toMatchObject({ status: 404, code: 'not_found', message: 'Enheden findes ikke.' })
    fetchMock.mockResolvedValueOnce(new Response('<h1>Bad gateway</h1>', { status: 502 }))
    const error = await getJson('/api/units').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 502, code: 'http_error' })
  })

  it('a POST carries the CSRF header and JSON; 204 gives null', async () => {
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }))
    expect(await postJson('/api/auth/logout', { a: 1 })).toBeNull()
    const headers = fetchMock.mock.calls[0]![1]!.headers as Record<string, string>
    expect(headers).toMatchObject({ 'X-Requested-With': 'min-lederside', 'Content-Type': 'application/json' })
  })

  it('extra headers are sent, and a GET carries no CSRF header', async () => {
    fetchMock.mockResolvedValueOnce(Response.json({ ok: true }))
    expect(await requestJson('GET', '/api/sync/pull', { headers: { 'X-Sync-Protocol': '1' } })).toEqual({ ok: true })
    const headers = fetchMock.mock.calls[0]![1]!.headers as Record<string, string>
    expect(headers['X-Sync-Protocol']).toBe('1')
    expect(headers['X-Requested-With']).toBeUndefined()
  })
})
