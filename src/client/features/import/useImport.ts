// One import on the economics team's screen: the kind and file chosen, what the person has set
// beyond the server's defaults (sheet, mapping, amount unit, accounts left out), the preview of
// the last of those choices, and the import itself. Every choice previews again at once; only a
// preview of exactly the current choices, without errors or missing fields, can be imported — and
// the import sends that same request. A failed request keeps everything chosen, so trying again
// needs no new choice.
import { computed, ref, shallowRef } from 'vue'
import type { ColumnMapping, ImportKind, Scale } from '../../../core/import/fields'
import { classifyError, type ErrorKind } from '../../api'
import { importApi, importRefusalOf } from '../../api/imports'
import type { ImportPreview, ImportProgress, ImportRefusal, ImportRequest, ImportResult } from '../../api/types'
import { useSyncStore } from '../sync/syncStore'
import { bytesToBase64 } from './base64'

export type ImportPhase = 'idle' | 'previewing' | 'importing'

/** A failed request (or a file the browser could not read): the kind says what it means, message is the server's. */
export interface ImportFailure {
  kind: ErrorKind | 'unreadable'
  message: string
}

/** What the person set; left out, the server decides (the remembered or recognised mapping, the headers' unit …). */
interface Choices {
  sheet?: string
  mapping?: ColumnMapping
  scale?: Scale
  excludeAccounts?: string[]
}

export function useImport() {
  const kind = ref<ImportKind>('figures')
  const file = shallowRef<{ name: string; content: string } | null>(null)
  const choices = shallowRef<Choices>({})
  const preview = shallowRef<ImportPreview | null>(null)
  /** The request the preview answers: the import sends it as it is. */
  let previewed: ImportRequest | null = null
  /** The choices changed since the preview on screen (its request failed, or its answer is on its way). */
  const stale = ref(false)
  const phase = ref<ImportPhase>('idle')
  const failure = shallowRef<ImportFailure | null>(null)
  const refusal = shallowRef<ImportRefusal | null>(null)
  const result = shallowRef<ImportResult | null>(null)
  /** How far the request on its way has come (a large file takes seconds); null before the first word. */
  const progress = shallowRef<ImportProgress | null>(null)
  /** Only the latest preview's answer counts: an earlier one arriving late is dropped. */
  let latest = 0

  function request(): ImportRequest | null {
    if (!file.value) return null
    return { kind: kind.value, fileName: file.value.name, content: file.value.content, ...choices.value }
  }

  function fail(error: unknown): void {
    const found = classifyError(error)
    failure.value = { kind: found.kind, message: found.message }
  }

  function startOver(): void {
    failure.value = null
    refusal.value = null
    result.value = null
  }

  async function runPreview(): Promise<void> {
    const asked = request()
    if (!asked) return
    const ticket = ++latest
    startOver()
    stale.value = true
    phase.value = 'previewing'
    try {
      const answer = await importApi.preview(asked, (p) => {
        if (ticket === latest) progress.value = p
      })
      if (ticket !== latest) return
      preview.value = answer
      previewed = asked
      stale.value = false
    } catch (error) {
      if (ticket !== latest) return
      // The file was read but refused whole (it holds no table, say): its errors show as an import's would.
      refusal.value = importRefusalOf(error)
      if (!refusal.value) fail(error)
    } finally {
      if (ticket === latest) {
        phase.value = 'idle'
        progress.value = null
      }
    }
  }

  async function chooseFile(chosen: File): Promise<void> {
    const ticket = ++latest
    startOver()
    phase.value = 'previewing'
    let bytes: Uint8Array
    try {
      bytes = new Uint8Array(await chosen.arrayBuffer())
    } catch {
      if (ticket === latest) {
        failure.value = { kind: 'unreadable', message: '' }
        phase.value = 'idle'
      }
      return
    }
    if (ticket !== latest) return
    file.value = { name: chosen.name, content: bytesToBase64(bytes) }
    // Another file: its sheets and headers are its own, so nothing set for the last one carries over.
    choices.value = {}
    preview.value = null
    previewed = null
    await runPreview()
  }

  function choose(next: Choices): Promise<void> {
    choices.value = next
    return runPreview()
  }

  function chooseKind(next: ImportKind): Promise<void> {
    kind.value = next
    // The mapping, unit and accounts are the kind's; the sheet is the file's.
    const sheet = choices.value.sheet
    return choose(sheet === undefined ? {} : { sheet })
  }

  /** Another sheet has its own headers: its mapping is the server's to recognise or remember again. */
  function chooseSheet(sheet: string): Promise<void> {
    return choose({ ...choices.value, sheet, mapping: undefined })
  }

  /** One header mapped by hand. A field takes one column, so a header that held it lets it go. */
  function mapHeader(header: string, field: string | null): Promise<void> {
    const base = choices.value.mapping ?? preview.value?.mapping ?? {}
    const mapping: Record<string, string | null> = {}
    for (const [h, f] of Object.entries(base)) mapping[h] = field !== null && f === field ? null : f
    mapping[header] = field
    return choose({ ...choices.value, mapping })
  }

  function chooseScale(scale: Scale): Promise<void> {
    return choose({ ...choices.value, scale })
  }

  function chooseExcludedAccounts(prefixes: string[]): Promise<void> {
    return choose({ ...choices.value, excludeAccounts: prefixes })
  }

  /** The mapping on screen: the person's own while its preview is on its way, else the preview's. */
  const mapping = computed<ColumnMapping>(() => choices.value.mapping ?? preview.value?.mapping ?? {})

  const canImport = computed(
    () =>
      !!preview.value &&
      !stale.value &&
      phase.value === 'idle' &&
      !result.value &&
      preview.value.errorCount === 0 &&
      preview.value.errors.length === 0 &&
      preview.value.missing.length === 0,
  )

  async function commit(): Promise<void> {
    if (!canImport.value || !previewed) return
    const asked = previewed
    startOver()
    phase.value = 'importing'
    try {
      result.value = await importApi.commit(asked, (p) => (progress.value = p))
      // The changed units' new figures reach this device, like any other, by the sync: ask for it now.
      void useSyncStore().syncNow()
    } catch (error) {
      refusal.value = importRefusalOf(error)
      if (!refusal.value) fail(error)
    } finally {
      phase.value = 'idle'
      progress.value = null
    }
  }

  /** After a failed request: the same again (the import, when the preview on screen is current). */
  function retry(): Promise<void> {
    return stale.value || !preview.value ? runPreview() : commit()
  }

  return {
    kind,
    file,
    preview,
    mapping,
    phase,
    progress,
    failure,
    refusal,
    result,
    canImport,
    chooseFile,
    chooseKind,
    chooseSheet,
    mapHeader,
    chooseScale,
    chooseExcludedAccounts,
    commit,
    retry,
  }
}
