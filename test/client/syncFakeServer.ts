// A small in-memory sync server behind a mocked fetch, built on the same pure merge the real
// server runs (src/core/sync/merge.ts): idempotent per (device, mutation id), a change log with a
// cursor, tombstones. Tests script failures (network down, a status) for the next requests.
import { vi } from 'vitest'
import { mergeMutation, type ServerRecordState } from '../../src/core/sync/merge'
import { REJECTION_MESSAGES, type Mutation, type PullChange, type PushRequest, type PushResult, type SyncRecord } from '../../src/core/sync/protocol'
import type { SyncTable } from '../../src/core/sync/tables'
import { requestUrl } from '../helpers/requestUrl'

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

interface StoredRecord {
  table: string
  id: string
  scopeId: string
  state: ServerRecordState
  seq: number
}

export interface SeenRequest {
  method: string
  path: string
  headers: Record<string, string>
  body: unknown
}

type Failure = { kind: 'network' } | { kind: 'status'; status: number; body: unknown } | { kind: 'results'; results: (m: Mutation) => PushResult | null }

export class FakeSyncServer {
  readonly records = new Map<string, StoredRecord>()
  readonly requests: SeenRequest[] = []
  private readonly applied = new Map<string, PushResult>()
  private seq = 0
  private readonly failures: Failure[] = []

  readonly fetch = vi.fn<typeof fetch>(async (input, init) => this.handle(requestUrl(input), init))

  /** The next request fails: no network at all. */
  failNetwork(times = 1): void {
    for (let i = 0; i < times; i++) this.failures.push({ kind: 'network' })
  }

  /** The next request answers with this status and body. */
  failStatus(status: number, body: unknown = { error: 'error', message: '' }): void {
    this.failures.push({ kind: 'status', status, body })
  }

  /** The next push answers each mutation with `results` (null: the normal merge). */
  scriptPush(results: (m: Mutation) => PushResult | null): void {
    this.failures.push({ kind: 'results', results })
  }

  private record(r: StoredRecord): SyncRecord {
    return { id: r.id, unitId: r.scopeId, ...r.state.values }
  }

  /** Another person's edit (or a create) on the server, as a different device. */
  edit(table: SyncTable, id: string, scopeId: string, fields: Record<string, unknown>, baseVersion?: number): void {
    const key = `${table}:${id}`
    const current = this.records.get(key)
    const outcome = mergeMutation(current?.state ?? null, {
      deviceId: 'someone-else',
      baseVersion: baseVersion ?? current?.state.version ?? 0,
      op: 'upsert',
      fields,
    })
    if (outcome.status === 'rejected') throw new Error(`edit rejected: ${outcome.reason}`)
    this.records.set(key, { table, id, scopeId, state: outcome.next, seq: ++this.seq })
  }

  remove(table: SyncTable, id: string): void {
    const key = `${table}:${id}`
    const current = this.records.get(key)
    if (!current) throw new Error('no such record')
    this.records.set(key, { ...current, state: { ...current.state, version: current.state.version + 1, deleted: true }, seq: ++this.seq })
  }

  pushes(): PushRequest[] {
    return this.requests.filter((r) => r.path === '/api/sync/push').map((r) => r.body as PushRequest)
  }

  private push(body: PushRequest, script: Failure | undefined): PushResult[] {
    return body.mutations.map((m) => {
      const done = this.applied.get(`${body.deviceId}:${m.mutationId}`)
      if (done) return done
      const scripted = script?.kind === 'results' ? script.results(m) : null
      const result = scripted ?? this.merge(body.deviceId, m)
      if (result.status !== 'rejected' || result.reason !== 'error') this.applied.set(`${body.deviceId}:${m.mutationId}`, result)
      return result
    })
  }

  private merge(deviceId: string, m: Mutation): PushResult {
    const key = `${m.table}:${m.recordId}`
    const current = this.records.get(key)
    const outcome = mergeMutation(current?.state ?? null, { deviceId, deviceSeq: m.deviceSeq, baseVersion: m.baseVersion, op: m.op, fields: m.fields })
    if (outcome.status === 'rejected') {
      return { mutationId: m.mutationId, status: 'rejected', reason: outcome.reason, message: REJECTION_MESSAGES[outcome.reason] }
    }
    const stored: StoredRecord = { table: m.table, id: m.recordId, scopeId: m.scopeId, state: outcome.next, seq: current?.seq ?? 0 }
    if (outcome.changed.length > 0) stored.seq = ++this.seq
    this.records.set(key, stored)
    if (outcome.status === 'conflict') {
      return { mutationId: m.mutationId, status: 'conflict', version: stored.state.version, record: this.record(stored), conflicts: outcome.conflicts }
    }
    return {
      mutationId: m.mutationId,
      status: 'applied',
      version: stored.state.version,
      deleted: stored.state.deleted,
      record: stored.state.deleted ? null : this.record(stored),
    }
  }

  private pull(cursor: number, limit: number): { changes: PullChange[]; cursor: number; hasMore: boolean } {
    const after = [...this.records.values()].filter((r) => r.seq > cursor).sort((a, b) => a.seq - b.seq)
    const page = after.slice(0, limit)
    return {
      changes: page.map((r) => ({
        table: r.table,
        id: r.id,
        scopeId: r.scopeId,
        version: r.state.version,
        deleted: r.state.deleted,
        record: r.state.deleted ? null : this.record(r),
      })),
      cursor: page.at(-1)?.seq ?? cursor,
      hasMore: after.length > limit,
    }
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- async, so that a network failure thrown here rejects as fetch's does
  private async handle(url: string, init: RequestInit | undefined): Promise<Response> {
    const parsed = new URL(url, 'http://localhost')
    const method = init?.method ?? 'GET'
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined
    this.requests.push({ method, path: parsed.pathname, headers: { ...(init?.headers as Record<string, string>) }, body })
    const failure = this.failures.shift()
    if (failure?.kind === 'network') throw new TypeError('Failed to fetch')
    if (failure?.kind === 'status') return json(failure.body, failure.status)
    if (parsed.pathname === '/api/sync/push' && method === 'POST') return json({ results: this.push(body as PushRequest, failure) })
    if (parsed.pathname === '/api/sync/pull') {
      return json(this.pull(Number(parsed.searchParams.get('cursor') ?? 0), Number(parsed.searchParams.get('limit') ?? 500)))
    }
    if (parsed.pathname === '/api/auth/logout') return new Response(null, { status: 204 })
    return json({ error: 'not_found', message: '' }, 404)
  }
}
