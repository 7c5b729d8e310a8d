// The economics team's routes (the import, the municipality's configuration) exist for them alone:
// to anyone else they are an address that does not exist (404), as the API answers what is not
// theirs — decided before the body is read, so a file sent there is never parsed. (preParsing
// follows every onRequest hook, the session guard's too.)
import type { FastifyInstance } from 'fastify'
import { mayManageData } from '../../core/principal'
import type { Db } from '../db/db'
import { notFoundRoute } from '../http/errors'
import { scopeFor } from './scope'

export function economicsOnly(app: FastifyInstance, db: Db): void {
  app.addHook('preParsing', async (request, _reply, payload) => {
    if (!mayManageData(await scopeFor(db, request.person!.id))) throw notFoundRoute()
    return payload
  })
}
