// The economics team's configuration forms (rule sets, settings) send alike: checked by core's
// rules first, then sent once at a time; a refusal the server says of a field lands beside it,
// anything else in one sentence, and what was typed stays.
import { ref } from 'vue'
import { classifyError } from '../../api'
import { useTexts } from '../../shared/useTexts'

type Checked<I> = { ok: true; input: I } | { ok: false; errors: Record<string, string> }

export interface ConfigSubmit<I, M> {
  check: () => Checked<I>
  send: (input: I) => Promise<M>
  /** The sentence that says what was saved. */
  savedText: (made: M) => string
  /** The sentence before a failure's reason ("Regelsættet kunne ikke gemmes."). */
  failedText: string
  /** The fields of a server's refusal to show beside the form's fields; null: say it in one sentence. */
  fieldsOf: (fields: Record<string, string>) => Record<string, string> | null
  focusFirstError: () => Promise<void>
  /** After a save, once the form may be refilled from the list fetched again. */
  onSaved: () => void
}

export function useConfigSubmit<I, M>(form: ConfigSubmit<I, M>) {
  const { t } = useTexts()
  const errors = ref<Record<string, string>>({})
  const saving = ref(false)
  const saved = ref('')
  const failed = ref('')
  /** Something has been typed: the form is not refilled from the list until it is saved. */
  const typed = ref(false)

  async function submit(): Promise<void> {
    if (saving.value) return
    saved.value = ''
    failed.value = ''
    const checked = form.check()
    errors.value = checked.ok ? {} : checked.errors
    if (!checked.ok) return form.focusFirstError()
    saving.value = true
    try {
      saved.value = form.savedText(await form.send(checked.input))
      typed.value = false
      form.onSaved()
    } catch (error) {
      const found = classifyError(error)
      const fields = found.kind === 'invalid' ? form.fieldsOf(found.fields) : null
      if (fields) {
        errors.value = fields
        await form.focusFirstError()
      } else {
        failed.value = `${form.failedText} ${found.kind === 'offline' ? t('ruleSets.form.offline') : found.message}`
      }
    } finally {
      saving.value = false
    }
  }

  return { errors, saving, saved, failed, typed, submit }
}
