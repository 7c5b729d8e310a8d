// The OCs' marks for the directorate (best practice, special units) as the directorate lists them:
// active ones only (not ended, not deleted), with the unit and area they are about.
import type { z } from 'zod'
import type { markViewSchema } from '../../core/http/dialogues'
import type { IndicatorKey } from '../../core/types'
import type { Db } from '../db/db'

type MarkView = z.infer<typeof markViewSchema>

/** `unitIds` null: every unit (the caller's scope decided that). Newest mark first. */
export async function activeMarks(db: Db, filter: { kind: MarkView['kind'] | null; unitIds: readonly string[] | null }): Promise<MarkView[]> {
  const rows = await db.query<{
    id: string
    kind: MarkView['kind']
    unit_id: string
    unit_name: string
    area_id: string
    area_name: string
    indicator: IndicatorKey | null
    text: string
    dialogue_id: string | null
    marked_on: string
    marked_by_name: string
  }>(
    `select m.id, m.kind, m.unit_id, u.name as unit_name, u.area_id, a.name as area_name, m.indicator, m.text, m.dialogue_id,
            to_char(m.marked_on, 'YYYY-MM-DD') as marked_on, coalesce(p.name, '') as marked_by_name
       from unit_mark m join unit u on u.id = m.unit_id join area a on a.id = u.area_id left join person p on p.id = m.created_by
      where not m.deleted and m.ended_on is null
        and ($1::text is null or m.kind = $1)
        and ($2::text[] is null or m.unit_id = any($2::text[]))
      order by m.marked_on desc, a.name, u.name, m.id`,
    [filter.kind, filter.unitIds],
  )
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    unitId: r.unit_id,
    unitName: r.unit_name,
    areaId: r.area_id,
    areaName: r.area_name,
    indicator: r.indicator,
    text: r.text,
    dialogueId: r.dialogue_id,
    markedOn: r.marked_on,
    markedByName: r.marked_by_name,
  }))
}
