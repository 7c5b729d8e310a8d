// Adding a part of a language's texts (i18n/index.ts) to vue-i18n's messages.
import { toRaw } from 'vue'
import type { Messages } from './parts'
import type { AppLocale } from '../shared/format'

type Tree = Record<string, unknown>
const isTree = (value: unknown): value is Tree => typeof value === 'object' && value !== null && !Array.isArray(value)

/** `source` merged into a copy of `target` (vue-i18n's merge rule: nested namespaces merge, a message replaces). */
function merged(target: unknown, source: unknown): unknown {
  if (!isTree(source) || !isTree(target)) return source
  const out: Tree = { ...target }
  for (const [key, value] of Object.entries(source)) out[key] = merged(out[key], value)
  return out
}

/** One merge at a time, so that none starts from the messages another is about to replace. */
let merging: Promise<void> = Promise.resolve()

/** What is used of vue-i18n's global composer (its messages typed by the app's schema). */
interface MessageStore {
  getLocaleMessage(locale: AppLocale): unknown
  setLocaleMessage(locale: AppLocale, messages: never): void
}

/**
 * Adds a part's messages to a language. The later part merged by vue-i18n is one long task on a slow
 * phone (it writes into the reactive messages key by key): the copy is made here on plain objects, a
 * namespace at a time with a pause for the main thread every few ms, and handed to vue-i18n whole.
 */
export function addMessages(i18n: MessageStore, locale: AppLocale, part: Messages): Promise<void> {
  merging = merging.then(async () => {
    // The messages' raw object: read through vue's proxy, every nested namespace would come wrapped.
    const next: Tree = { ...toRaw(i18n.getLocaleMessage(locale) as Tree) }
    let sliceStart = performance.now()
    for (const [namespace, messages] of Object.entries(part)) {
      next[namespace] = merged(next[namespace], messages)
      if (performance.now() - sliceStart > 4) {
        await new Promise((resolve) => setTimeout(resolve))
        sliceStart = performance.now()
      }
    }
    i18n.setLocaleMessage(locale, next as never)
  })
  return merging
}
