// The two sync requests. Every request says which protocol this build speaks (X-Sync-Protocol);
// the push, being state-changing, carries the CSRF header too. Errors are the api layer's own:
// NetworkError (no answer) and ApiError (an error status), so callers treat them like any request.
import { PROTOCOL_HEADER, PROTOCOL_VERSION, type PullResponse, type PushRequest, type PushResponse } from '../../core/sync/protocol'
import { ApiError, NetworkError } from '../api/http'

/** A first sync of thousands of notes on a slow line may take a while per page; a dead line must not. */
const TIMEOUT_MS = 30_000

async function send<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) }
  if (method === 'POST') {
    headers['X-Requested-With'] = 'min-lederside'
    headers['Content-Type'] = 'application/json'
  }
  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch (error) {
    throw new NetworkError(error)
  }
  let parsed: unknown = null
  try {
    parsed = await response.json()
  } catch {
    // Not JSON (a proxy's error page, or a connection cut mid-body).
    if (response.ok) throw new NetworkError(new Error('truncated response'))
  }
  if (!response.ok) {
    const error = (parsed ?? {}) as { error?: string; message?: string }
    throw new ApiError(response.status, error.error ?? 'http_error', error.message ?? '')
  }
  return parsed as T
}

export function pushMutations(request: PushRequest): Promise<PushResponse> {
  return send<PushResponse>('POST', '/api/sync/push', request)
}

export function pullChanges(cursor: number, limit: number): Promise<PullResponse> {
  const query = new URLSearchParams({ cursor: String(cursor), limit: String(limit) })
  return send<PullResponse>('GET', `/api/sync/pull?${query.toString()}`)
}
