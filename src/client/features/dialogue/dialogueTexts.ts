// Which title a dialogue has on screen: by its kind, and for a dialogue by what its topics are.
import type { Dialogue } from './chainRecords'

export function dialogueTitleKey(d: Pick<Dialogue, 'kind' | 'topics'>): string {
  if (d.kind !== 'dialogue') return `chain.kind.${d.kind}`
  const support = d.topics.some((t) => t.purpose === 'support')
  const recognition = d.topics.some((t) => t.purpose === 'recognition')
  if (support && recognition) return 'chain.kind.both'
  return recognition ? 'chain.kind.recognition' : 'chain.kind.support'
}
