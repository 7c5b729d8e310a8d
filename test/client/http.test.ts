import { afterEach, describe, expect, it, vi } from 'vitest'
import { classifyError, fieldOfPath, isTransient, type ErrorKind } from '../../src/client/api/errors'
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

  it("an error status is an ApiError with the server's code and message; a non-JSON one keeps its status", async () => {
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

describe('one error taxonomy', () => {
  async function thrown(status: number, body: unknown): Promise<unknown> {
    fetchMock.mockResolvedValueOnce(Response.json(body, { status }))
    return getJson('/api/x').catch((e: unknown) => e)
  }

  it.each([
    [401, 'unauthenticated', 'signedOut'],
    [403, 'forbidden', 'forbidden'],
    [403, 'device_mismatch', 'deviceMismatch'],
    [404, 'not_found', 'notFound'],
    [426, 'client_outdated', 'outdated'],
    [429, 'rate_limited', 'rateLimited'],
    [500, 'internal', 'server'],
    [503, 'server_outdated', 'server'],
  ])('%d %s is %s', async (status, code, kind) => {
    expect(classifyError(await thrown(status, { error: code, message: 'Besked.' }))).toEqual({ kind, message: 'Besked.', fields: {} })
  })

  it('no answer is offline; only offline, server errors and rate limits are worth waiting for', () => {
    expect(classifyError(new NetworkError()).kind).toBe('offline')
    expect(
      ['offline', 'server', 'rateLimited', 'signedOut', 'outdated', 'forbidden', 'deviceMismatch', 'notFound', 'invalid'].filter((k) =>
        isTransient(k as ErrorKind),
      ),
    ).toEqual(['offline', 'server', 'rateLimited'])
  })

  it('invalid input names its fields, by the last named step of each path', async () => {
    const error = await thrown(400, {
      error: 'invalid_input',
      message: 'Oplysningerne i forespørgslen er ikke gyldige.',
      details: [{ path: 'email', message: 'For lang.' }, { path: 'mutations.0.fields.body', message: 'Noten er for lang.' }, { bad: true }],
    })
    expect(classifyError(error)).toEqual({
      kind: 'invalid',
      message: 'Oplysningerne i forespørgslen er ikke gyldige.',
      fields: { email: 'For lang.', body: 'Noten er for lang.' },
    })
    expect(fieldOfPath('/agenda/3/title')).toBe('title')
    expect(fieldOfPath('')).toBeNull()
  })
})
