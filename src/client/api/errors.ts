// One meaning for every failed request, whichever part of the app made it: the stores (sign-in,
// units) and the sync scheduler all ask classifyError what a thrown error means for the person and
// whether waiting can help. Kinds, not HTTP statuses, reach the screens.
import { ApiError, NetworkError } from './http'

export type ErrorKind =
  /** No answer at all: no network, DNS, the server down, an answer cut off. Retrying later helps. */
  | 'offline'
  /** The session is gone (401): the person must sign in; what is on the device stays. */
  | 'signedOut'
  /** This build speaks a protocol the server no longer accepts (426): update the app. */
  | 'outdated'
  /** The person may not do this (403). */
  | 'forbidden'
  /** The device id is bound to another person (403 device_mismatch): a new id is needed. */
  | 'deviceMismatch'
  /** The thing asked for does not exist, or not for this person (404). */
  | 'notFound'
  /** The server refused the input (400 and the like); `fields` says which field, where it knows. */
  | 'invalid'
  /** Too many attempts (429): wait. */
  | 'rateLimited'
  /** Anything else from the server (5xx, an unknown code): retrying later may help. */
  | 'server'

export interface ClientError {
  kind: ErrorKind
  /** The server's Danish message, or '' when there is none (offline). */
  message: string
  /** For 'invalid': field name → the server's message about it. */
  fields: Record<string, string>
}

/** The kinds that waiting and trying again can cure; the others need the person or a new app. */
export function isTransient(kind: ErrorKind): boolean {
  return kind === 'offline' || kind === 'server' || kind === 'rateLimited'
}

/**
 * The field a validation detail is about: the last named step of its path ("mutations.0.fields.body"
 * → "body", "email" → "email"), since the forms know their fields by name, not by request shape.
 */
export function fieldOfPath(path: string): string | null {
  const named = path.split(/[./]/).filter((step) => step !== '' && !/^\d+$/.test(step))
  return named.at(-1) ?? null
}

function fieldsOf(error: ApiError): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const detail of error.details) {
    const field = fieldOfPath(detail.path)
    if (field) fields[field] ??= detail.message
  }
  return fields
}

function kindOf(error: ApiError): ErrorKind {
  if (error.code === 'device_mismatch') return 'deviceMismatch'
  switch (error.status) {
    case 400:
    case 413:
    case 422:
      return 'invalid'
    case 401:
      return 'signedOut'
    case 403:
      return 'forbidden'
    case 404:
      return 'notFound'
    case 426:
      return 'outdated'
    case 429:
      return 'rateLimited'
    default:
      return 'server'
  }
}

export function classifyError(error: unknown): ClientError {
  if (error instanceof NetworkError) return { kind: 'offline', message: '', fields: {} }
  if (error instanceof ApiError) {
    const kind = kindOf(error)
    return { kind, message: error.message, fields: kind === 'invalid' ? fieldsOf(error) : {} }
  }
  return { kind: 'server', message: error instanceof Error ? error.message : String(error), fields: {} }
}
