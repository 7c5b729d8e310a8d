// One row per measured figure, printed as a table of figure vs budget with PASS/FAIL.
export interface Figure {
  name: string
  /** The measured value, formatted with its unit. */
  value: string
  budget: string
  pass: boolean
  /** Runs or parts behind the value, for the curious. */
  detail?: string
}

export function figure(name: string, value: number, unit: string, cmp: '<=' | '>=', limit: number, detail?: string): Figure {
  const shown = (n: number) => `${Number.isInteger(n) ? n : n.toFixed(1)}${unit}`
  return {
    name,
    value: shown(value),
    budget: `${cmp === '<=' ? '≤' : '≥'} ${shown(limit)}`,
    pass: cmp === '<=' ? value <= limit : value >= limit,
    detail,
  }
}

/** A figure that could not be measured: it fails, and says why. */
export function failed(name: string, budget: string, error: unknown): Figure {
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error)
  return { name, value: 'error', budget, pass: false, detail: message }
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export function formatTable(figures: Figure[]): string {
  const header = ['figure', 'measured', 'budget', 'result']
  const rows = figures.map((f) => [f.name, f.value, f.budget, f.pass ? 'PASS' : 'FAIL'])
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd()
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)]
  const details = figures.filter((f) => f.detail).map((f) => `  ${f.name}: ${f.detail}`)
  if (details.length) out.push('', ...details)
  return out.join('\n')
}
