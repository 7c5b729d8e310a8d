// The one place that calls fetch. The session is the server's HttpOnly cookie: the client never
// sees or stores a token. State-changing requests carry the header the server's CSRF check wants.

/** One thing the server found wrong with the input: where (a dotted path) and what. */
export interface ErrorDetail {
  path: string
  message: string
}

/** The server answered with an error status. What it means for the person: errors.ts. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Validation errors name their fields here ({ path, message }); empty otherwise. */
    readonly details: readonly ErrorDetail[] = [],
    /** The answer's body as it came (null when it was not JSON, undefined when not given): an endpoint with a richer refusal reads it (api/imports.ts). */
    readonly body?: unknown,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** No answer at all: offline, DNS, server down. Callers fall back to what Dexie holds. */
export class NetworkError extends Error {
  constructor(cause?: unknown) {
    super('network', { cause })
    this.name = 'NetworkError'
  }
}

const TIMEOUT_MS = 10_000

export interface RequestOptions {
  body?: unknown
  /** Headers beyond the usual ones (the sync protocol version, say). */
  headers?: Record<string, string>
  timeoutMs?: number
}

/**
 * A JSON request. No answer, or an answer cut off mid-body, is a NetworkError (the caller falls
 * back to what the device holds); an error status is an ApiError with the server's code and
 * Danish message; 204 gives null.
 */
export async function requestJson<T>(method: 'GET' | 'POST' | 'PUT', path: string, options: RequestOptions = {}): Promise<T | null> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers }
  if (method !== 'GET') headers['X-Requested-With'] = 'min-lederside'
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      // Lie-fi (a network that connects but never answers) must not keep the cached data off screen.
      signal: AbortSignal.timeout(options.timeoutMs ?? TIMEOUT_MS),
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    })
  } catch (error) {
    throw new NetworkError(error)
  }
  if (response.status === 204) return null
  let parsed: unknown = null
  try {
    parsed = await response.json()
  } catch (error) {
    // Not JSON: a proxy's error page keeps its status; a body cut off mid-way is a lost answer.
    if (response.ok) throw new NetworkError(error)
  }
  if (!response.ok) {
    const body = (parsed ?? {}) as { error?: string; message?: string; details?: unknown }
    throw new ApiError(response.status, body.error ?? 'http_error', body.message ?? '', errorDetails(body.details), parsed)
  }
  return parsed as T
}

/** The details of a validation error, keeping only well-formed entries (a proxy may send anything). */
function errorDetails(details: unknown): ErrorDetail[] {
  if (!Array.isArray(details)) return []
  return details.flatMap((d: unknown) => {
    const { path, message } = (d ?? {}) as { path?: unknown; message?: unknown }
    return typeof path === 'string' && typeof message === 'string' ? [{ path, message }] : []
  })
}

export async function getJson<T>(path: string): Promise<T> {
  return (await requestJson<T>('GET', path)) as T
}

export function postJson<T>(path: string, body?: unknown): Promise<T | null> {
  return requestJson<T>('POST', path, { body })
}
