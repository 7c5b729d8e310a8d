// One error shape for the whole API: { error: code, message: Danish text, details? }. Validation
// errors say which field; 5xx bodies are generic (the detail goes to the log, never to the client).
import type { FastifyError, FastifyInstance } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'

export interface ErrorDetail {
  path: string
  message: string
}

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message)
  }
}

/** A refusal about fields (422): each field and why, in the error body's details, and all of it said as the message. */
export function refusedFields(code: string, issues: ReadonlyArray<{ field: string; message: string }>): ApiError {
  const details = issues.map((i) => ({ path: i.field, message: i.message }))
  return new ApiError(422, code, details.map((d) => d.message).join(' '), details)
}

export const notFoundUnit = () => new ApiError(404, 'not_found', 'Enheden findes ikke.')
export const notFoundDialogue = () => new ApiError(404, 'not_found', 'Dialogen findes ikke.')
export const unauthenticated = () => new ApiError(401, 'unauthenticated', 'Du er ikke logget ind.')

export const INTERNAL = { error: 'internal', message: 'Der skete en fejl på serveren.' }

/** "64 kB", "4 MB", "1,5 MB": the limit as the person reads it. */
export function formatByteLimit(bytes: number): string {
  const mb = bytes / (1024 * 1024)
  if (mb >= 1) return `${mb.toLocaleString('da-DK', { maximumFractionDigits: 1 })} MB`
  return `${Math.round(bytes / 1024)} kB`
}

/** Fastify's own refusals of a request it could not read, each said in Danish with what to change. */
function clientError(err: FastifyError, bodyLimit: number): { status: number; error: string; message: string } | null {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, error: 'too_large', message: `Forespørgslen er for stor (højst ${formatByteLimit(bodyLimit)}).` }
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, error: 'unsupported_media_type', message: 'Forespørgslen skal være JSON (Content-Type: application/json).' }
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, error: 'bad_request', message: 'Forespørgslens længde passer ikke med dens Content-Length.' }
    default:
      return null
  }
}

function dottedPath(instancePath: string): string {
  return instancePath.replace(/^\//, '').replaceAll('/', '.')
}

export function registerErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof ApiError) {
      const details = err.details ? { details: err.details } : {}
      return reply.code(err.statusCode).send({ error: err.code, message: err.message, ...details })
    }
    const known = clientError(err, request.routeOptions.bodyLimit)
    if (known) {
      request.log.info({ err }, 'client error')
      return reply.code(known.status).send({ error: known.error, message: known.message })
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      return reply.code(400).send({
        error: 'invalid_input',
        message: 'Oplysningerne i forespørgslen er ikke gyldige.',
        details: err.validation.map((v) => ({ path: dottedPath(v.instancePath), message: v.message })),
      })
    }
    const status = err.statusCode ?? 500
    if (status === 429) {
      return reply.code(429).send({ error: 'rate_limited', message: 'For mange forsøg. Vent et minut, og prøv igen.' })
    }
    if (status >= 400 && status < 500) {
      // Any other client error of Fastify's keeps its status; its English text stays in the log.
      request.log.info({ err }, 'client error')
      return reply.code(status).send({ error: 'bad_request', message: 'Forespørgslen kunne ikke behandles.' })
    }
    request.log.error({ err }, 'request failed')
    return reply.code(500).send(INTERNAL)
  })
}

export const NOT_FOUND = { error: 'not_found', message: 'Adressen findes ikke.' }
/** The answer of a route to someone it is not for: the very 404 of an address that does not exist. */
export const notFoundRoute = () => new ApiError(404, NOT_FOUND.error, NOT_FOUND.message)
