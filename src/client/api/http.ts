// The one place that calls fetch. The session is the server's HttpOnly cookie: the client never
// sees or stores a token. State-changing requests carry the header the server's CSRF check wants.

/** The server answered with an error status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
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

export function isUnauthorized(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401
}

const TIMEOUT_MS = 10_000

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (method !== 'GET') headers['X-Requested-With'] = 'min-lederside'
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  try {
    return await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      // Lie-fi (a network that connects but never answers) must not keep the cached data off screen.
      signal: AbortSignal.timeout(TIMEOUT_MS),
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch (error) {
    throw new NetworkError(error)
  }
}

async function fail(response: Response): Promise<never> {
  let code = 'http_error'
  let message = ''
  try {
    const body = (await response.json()) as { error?: string; message?: string }
    code = body.error ?? code
    message = body.message ?? message
  } catch {
    // Not JSON (a proxy's error page): keep the status.
  }
  throw new ApiError(response.status, code, message)
}

export async function getJson<T>(path: string): Promise<T> {
  const response = await send('GET', path)
  if (!response.ok) return fail(response)
  return (await response.json()) as T
}

export async function postJson<T>(path: string, body?: unknown): Promise<T | null> {
  const response = await send('POST', path, body)
  if (!response.ok) return fail(response)
  if (response.status === 204) return null
  return (await response.json()) as T
}
