// The one pattern of the forms that write a record: a draft of what the person types, filled from
// the stored record (which arrives from IndexedDB after the form mounts, and may change by sync)
// but never over what is being typed; validate; save; errors beside their fields, focus on the
// first one, and everything typed kept on any error. A refusal by the record's rules at save time
// (InvalidFieldError) lands on the field it names, not in a generic "could not save" — and so does
// the server's refusal of a change already sent (the record's rejection, when it names a field the
// form shows), until a save that carries that field again settles it.
import { computed, nextTick, reactive, ref, watch, type Ref, type WatchSource } from 'vue'
import { InvalidFieldError } from '../features/records/recordsStore'
import type { FieldErrors } from './validation'

/** A form-level error (not about one field) is kept under this key. */
export const FORM_ERROR = '_'

export type Checked = { ok: true; fields: Record<string, unknown> } | { ok: false; errors: FieldErrors }

/** D is plain data (strings, numbers, arrays): the draft is one reactive object of it. */
export interface DraftFormOptions<D extends object, R> {
  /** The draft as the stored record has it (or empty, before there is one). */
  load: () => D
  /** Followed: when it changes and nothing has been typed, the draft is loaded again. */
  source?: WatchSource
  /** The fields to save, or the errors by field (from the core schemas and the form's own rules). */
  check: (draft: D) => Checked
  /** Saves on the device (records store); resolves once stored. */
  save: (fields: Record<string, unknown>) => Promise<R>
  /** The form's fields in screen order: the first with an error gets the focus; others show as form errors. */
  fields: readonly string[]
  /** The element id of a field, to focus it. */
  fieldId: (field: string) => string
  /** The message when saving failed for a reason that is no field's. */
  saveFailed: () => string
  /**
   * The server's standing refusal of the record (LocalRecord.rejection): when it names a field the
   * form shows, its message stands beside that field. Others are said by RecordStatus, with the record.
   */
  refusal?: () => { field?: string; message: string } | null | undefined
}

export interface DraftForm<D extends object, R> {
  draft: D
  /** Something has been typed since the draft was loaded or saved. */
  dirty: Readonly<Ref<boolean>>
  /** By field (FORM_ERROR for the form): what the check or the save found, over the server's refusal. */
  errors: Readonly<Ref<FieldErrors>>
  saving: Readonly<Ref<boolean>>
  /** Validates and saves; the saved result, or null (errors are shown, the draft kept). */
  submit: () => Promise<R | null>
  /** Replaces the draft (after a save that empties the form, say) as a fresh, untyped one. */
  reset: (next?: D) => void
}

/** Read through the reactive proxy, so a computed over it follows every field (arrays too). */
function snapshot(value: unknown): string {
  return JSON.stringify(value)
}

export function useDraftForm<D extends object, R>(options: DraftFormOptions<D, R>): DraftForm<D, R> {
  const draft = reactive(options.load()) as D
  /** The draft as loaded or last saved; typing is what differs from it. */
  const baseline = ref(snapshot(draft))
  const dirty = computed(() => snapshot(draft) !== baseline.value)
  const found = ref<FieldErrors>({})
  const refused = computed<FieldErrors>(() => {
    const refusal = options.refusal?.()
    return refusal?.field && options.fields.includes(refusal.field) ? { [refusal.field]: refusal.message } : {}
  })
  const errors = computed<FieldErrors>(() => ({ ...refused.value, ...found.value }))
  const saving = ref(false)

  function reset(next: D = options.load()): void {
    Object.assign(draft, next)
    baseline.value = snapshot(draft)
  }

  if (options.source) {
    watch(options.source, () => {
      if (!dirty.value) reset()
    })
  }

  /** Errors on fields the form does not show (year, month, the envelope) are said at the form. */
  function placed(found: FieldErrors): FieldErrors {
    const out: FieldErrors = {}
    for (const [field, message] of Object.entries(found)) {
      const key = options.fields.includes(field) ? field : FORM_ERROR
      out[key] ??= message
    }
    return out
  }

  async function showErrors(next: FieldErrors): Promise<void> {
    found.value = placed(next)
    await nextTick()
    const first = options.fields.find((f) => errors.value[f])
    if (first) document.getElementById(options.fieldId(first))?.focus()
  }

  async function submit(): Promise<R | null> {
    const checked = options.check(draft)
    if (!checked.ok) {
      await showErrors(checked.errors)
      return null
    }
    found.value = {}
    saving.value = true
    try {
      const result = await options.save(checked.fields)
      baseline.value = snapshot(draft)
      return result
    } catch (error) {
      await showErrors(error instanceof InvalidFieldError ? { [error.field]: error.message } : { [FORM_ERROR]: options.saveFailed() })
      return null
    } finally {
      saving.value = false
    }
  }

  return { draft, dirty, errors, saving, submit, reset }
}
