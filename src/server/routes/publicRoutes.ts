// The only routes under /api that answer without a session. Every other route — including any
// route module added later — requires one (auth/sessionByDefault.ts); opening one means adding it
// here, where a review sees it. A test holds this list to the OpenAPI document.

export interface RouteKey {
  method: string
  url: string
}

export const PUBLIC_ROUTES: readonly RouteKey[] = [
  { method: 'POST', url: '/api/auth/login' },
  // Choosing a password with a one-time link (routes/auth/resetPassword.ts): the link is the credential.
  { method: 'POST', url: '/api/auth/reset-password' },
  // "Who am I, if anyone?": answers { me: null } rather than 401 (routes/auth/session.ts).
  { method: 'GET', url: '/api/session' },
  { method: 'GET', url: '/api/health' },
  { method: 'GET', url: '/api/openapi.json' },
  // Registered in demo mode only; outside it the route does not exist.
  { method: 'GET', url: '/api/demo/accounts' },
]

/** HEAD is the GET without its body, so it is as public as the GET. */
export function isPublicRoute(method: string, url: string): boolean {
  const asked = method === 'HEAD' ? 'GET' : method
  return PUBLIC_ROUTES.some((r) => r.method === asked && r.url === url)
}
