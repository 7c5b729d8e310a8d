// The pull's SQL, generated from the kinds' declarations and installed by the migrator after the
// SQL migrations (create or replace on every start, so it always matches this build's kinds).
// PL/pgSQL on purpose: the plan of the many-branch union is made once per connection and reused —
// planning it on every pull cost more than running it. One branch per kind: its changes after the
// cursor, in the caller's scope, filtered by its audience rules, as the record JSON of tables.ts.
// sync_pull_scoped: the caller's scope ids; sync_pull_all: every scope (directorate, economics).
import type { SyncKind } from '../../core/sync/kind'
import type { Db } from '../db/db'
import { readColumn, sqlTable, utcIso } from './tables'

const SCOPE_PARAMS = { unit: 'p_unit', area: 'p_area', municipality: 'p_municipality' } as const

/** Every audience rule of every kind, numbered in order: each gets its own text[] parameter. */
export function audienceParams(kinds: readonly SyncKind[]): Array<{ kind: SyncKind; index: number; param: string }> {
  const out: Array<{ kind: SyncKind; index: number; param: string }> = []
  for (const kind of kinds) (kind.audience ?? []).forEach((_, index) => out.push({ kind, index, param: `p_aud_${out.length + 1}` }))
  return out
}

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`

function branch(kind: SyncKind, scoped: boolean, audience: ReturnType<typeof audienceParams>): string {
  const t = sqlTable(kind)
  const pairs = [
    `'id', x.id`,
    `'${kind.scopeField}', x.${t.scopeColumn}`,
    ...t.columns.map((c) => `'${c.field}', ${readColumn(c, 'x.')}`),
    `'updatedBy', x.updated_by`,
    `'updatedByName', u.name`,
    `'updatedAt', ${utcIso('x.updated_at')}`,
    `'createdBy', x.created_by`,
    `'createdByName', c.name`,
  ]
  const where = ['x.seq > p_cursor']
  if (scoped) where.push(`x.${t.scopeColumn} = any(${SCOPE_PARAMS[kind.scope]})`)
  for (const a of audience.filter((p) => p.kind === kind)) {
    const rule = kind.audience![a.index]!
    const column = t.columns.find((c) => c.field === rule.field)!.column
    where.push(`(x.${column} is distinct from ${quote(rule.equals)} or ${a.param} is null or x.${t.scopeColumn} = any(${a.param}))`)
  }
  return `(select ${quote(kind.name)}::text, x.id, x.${t.scopeColumn}, x.version, x.deleted, x.seq,
            case when x.deleted then null else jsonb_build_object(${pairs.join(', ')}) end
       from ${t.name} x left join person u on u.id = x.updated_by left join person c on c.id = x.created_by
      where ${where.join(' and ')} order by x.seq limit p_limit)`
}

function pullFunction(name: string, kinds: readonly SyncKind[], scoped: boolean): string {
  const audience = audienceParams(kinds)
  const params = [
    'p_cursor bigint',
    'p_limit int',
    ...(scoped ? Object.values(SCOPE_PARAMS).map((p) => `${p} text[]`) : []),
    ...audience.map((a) => `${a.param} text[]`),
  ]
  return `create function ${name}(${params.join(', ')})
returns table (t text, id text, scope_id text, version int, deleted boolean, seq bigint, record jsonb)
language plpgsql stable as $fn$
begin
  return query
    ${kinds.map((k) => branch(k, scoped, audience)).join('\n    union all\n    ')}
    order by 6 limit p_limit;
end
$fn$;`
}

/** Drops every overload first: a kind set with other audience rules has another signature. */
const DROP = `do $drop$ declare f record; begin
  for f in select oid::regprocedure as sig from pg_proc where proname in ('sync_pull_scoped', 'sync_pull_all') loop
    execute 'drop function ' || f.sig;
  end loop;
end $drop$;`

export function pullFunctionsSql(kinds: readonly SyncKind[]): string {
  return [DROP, pullFunction('sync_pull_scoped', kinds, true), pullFunction('sync_pull_all', kinds, false)].join('\n')
}

export async function installPullFunctions(db: Db, kinds: readonly SyncKind[]): Promise<void> {
  await db.exec(pullFunctionsSql(kinds))
}
