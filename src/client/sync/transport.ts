// The two sync requests. Every request says which protocol this build speaks (X-Sync-Protocol);
// the push, being state-changing, carries the CSRF header too. Errors are the api layer's own:
// NetworkError (no answer) and ApiError (an error status), so callers treat them like any request;
// the request itself is the api layer's too.
import { PROTOCOL_HEADER, PROTOCOL_VERSION, type PullResponse, type PushRequest, type PushResponse } from '../../core/sync/protocol'
import { NetworkError, requestJson } from '../api/http'

/** A first sync of thousands of notes on a slow line may take a while per page; a dead line must not. */
const TIMEOUT_MS = 30_000

async function send<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const headers = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) }
  const answer = await requestJson<T>(method, path, { body, headers, timeoutMs: TIMEOUT_MS })
  // Both sync endpoints always answer with a body; none is a lost answer.
  if (answer === null) throw new NetworkError(new Error('empty response'))
  return answer
}

export function pushMutations(request: PushRequest): Promise<PushResponse> {
  return send<PushResponse>('POST', '/api/sync/push', request)
}

export function pullChanges(cursor: number, limit: number): Promise<PullResponse> {
  const query = new URLSearchParams({ cursor: String(cursor), limit: String(limit) })
  return send<PullResponse>('GET', `/api/sync/pull?${query.toString()}`)
}
