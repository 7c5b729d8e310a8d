// One error shape for the whole API: { error: code, message: Danish text, details? }. Validation
// errors say which field; 5xx bodies are generic (the detail goes to the log, never to the client).
import type { FastifyError, FastifyInstance } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

export const notFoundUnit = () => new ApiError(404, 'not_found', 'Enheden findes ikke.')
export const unauthenticated = () => new ApiError(401, 'unauthenticated', 'Du er ikke logget ind.')

const INTERNAL = { error: 'internal', message: 'Der skete en fejl på serveren.' }

function dottedPath(instancePath: string): string {
  return instancePath.replace(/^\//, '').replaceAll('/', '.')
}

export function registerErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof ApiError) {
      return reply.code(err.statusCode).send({ error: err.code, message: err.message })
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
      // Fastify's own client errors (bad JSON, too large body, wrong content type) keep their status.
      request.log.info({ err }, 'client error')
      return reply.code(status).send({ error: 'bad_request', message: 'Forespørgslen kunne ikke behandles.' })
    }
    request.log.error({ err }, 'request failed')
    return reply.code(500).send(INTERNAL)
  })
}

export const NOT_FOUND = { error: 'not_found', message: 'Adressen findes ikke.' }
