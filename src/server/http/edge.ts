// The HTTP edge: what every request must be before a route or the database sees it. Bodies are
// JSON only, parsed here so a syntax error can say where; every string in the path, query,
// headers and body is checked once for what the database cannot store (wellFormed.ts), so a NUL
// is a 400 naming the field rather than a 500 from PostgreSQL.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { findIllFormed, type IllFormed } from '../../core/http/wellFormed'
import { ApiError, INTERNAL } from './errors'

const invalidJson = (message: string) => new ApiError(400, 'bad_request', message)

/** V8's JSON.parse messages carry the position; its text is English and may quote the input. */
function jsonSyntaxMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : ''
  const position = /at position (\d+)/.exec(text)?.[1]
  if (position !== undefined) return `Ugyldig JSON i forespørgslen ved position ${position}.`
  if (/end of (JSON )?input|Unterminated/i.test(text)) return 'Ugyldig JSON i forespørgslen: den slutter for tidligt.'
  return 'Ugyldig JSON i forespørgslen.'
}

export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') throw invalidJson('Forespørgslen er sendt som JSON, men indeholder ingen JSON.')
  try {
    // Plain JSON.parse is safe here: a "__proto__" key becomes an own property, and the check
    // below refuses it before anything could merge it into another object.
    return JSON.parse(text)
  } catch (error) {
    throw invalidJson(jsonSyntaxMessage(error))
  }
}

// A wildcard route's path ('*', as the static files have) is the address itself.
const WILDCARD = '*'

function describe(found: IllFormed): { message: string; detail: string } {
  const field = found.path === '' ? 'Forespørgslen' : found.path === WILDCARD ? 'Adressen' : `Feltet ${found.path}`
  if (found.kind === 'forbiddenKey') return { message: `${field} er ikke tilladt.`, detail: 'Feltnavnet er ikke tilladt.' }
  const character = found.kind === 'nul' ? 'tegnet NUL (U+0000)' : 'et ufuldstændigt tegn (en enlig surrogat)'
  const where = found.inKey ? 'Et feltnavn indeholder' : 'Teksten indeholder'
  return { message: `${field} indeholder et tegn, der ikke er tilladt.`, detail: `${where} ${character}, som ikke er tilladt.` }
}

function refuse(found: IllFormed): ApiError {
  const { message, detail } = describe(found)
  return new ApiError(400, 'invalid_input', message, [{ path: found.path, message: detail }])
}

/**
 * Route config `itemsJudgedEach: 'mutations'`: that list of the body is judged item by item by the
 * route itself (the sync push answers each mutation, so one bad entry in a device's outbox is
 * refused for good with its field named, and does not hold back the rest of the outbox).
 */
export interface EdgeRouteConfig {
  itemsJudgedEach?: string
}

function bodyJudgedHere(request: FastifyRequest): unknown {
  const list = (request.routeOptions.config as EdgeRouteConfig | undefined)?.itemsJudgedEach
  const body = request.body
  if (!list || typeof body !== 'object' || body === null || Array.isArray(body)) return body
  return { ...body, [list]: undefined }
}

/** Every string a request carries, each place named as the schema's details name it. */
export function checkRequestStrings(request: FastifyRequest): void {
  // An address that matches no route is a 404 whatever it holds.
  if (request.is404) return
  const found =
    findIllFormed(request.params) ??
    findIllFormed(request.query) ??
    findIllFormed(request.headers) ??
    findIllFormed(bodyJudgedHere(request), { forbidKeys: true }) ??
    // A __proto__ key is refused everywhere, also where the route judges the characters itself.
    findIllFormed(request.body, { forbidKeys: true, keysOnly: true })
  if (found) throw refuse(found)
}

/**
 * The router's refusals (an address it cannot decode: a broken %-escape or one that is not UTF-8;
 * a path segment over the router's length limit) come before any hook or error handler: passed as
 * the `frameworkErrors` option they get the API's one error shape, in Danish.
 */
export function frameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  request.log.info({ err: error }, 'client error')
  if (error.code === 'FST_ERR_BAD_URL') {
    void reply.code(400).send({ error: 'bad_request', message: 'Adressen indeholder en %-kode, der ikke er gyldig UTF-8.' })
  } else if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void reply.code(414).send({ error: 'uri_too_long', message: 'En del af adressen er for lang.' })
  } else {
    void reply.code(500).send(INTERNAL)
  }
}

export function registerEdge(app: FastifyInstance): void {
  // JSON only: Fastify's text/plain parser would hand a route a string it never expects, and an
  // unknown type is a 415 that says what to send instead.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as string))
    } catch (error) {
      done(error as Error, undefined)
    }
  })
  // preValidation: after the body is parsed, before the schemas read it.
  app.addHook('preValidation', (request, _reply, done) => {
    checkRequestStrings(request)
    done()
  })
}
