// Runs axe-core in a page and returns its WCAG 2.1 A/AA violations in a readable form. The app's CSP
// forbids inline scripts, so the context that uses this must be created with bypassCSP: true.
import axe from 'axe-core'
import type { Page } from 'playwright-core'

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

export interface Violation {
  id: string
  impact: string | null
  help: string
  targets: string[]
}

export async function axeViolations(page: Page): Promise<Violation[]> {
  const injected = await page.evaluate(() => 'axe' in window)
  if (!injected) await page.addScriptTag({ content: axe.source })
  return page.evaluate(async (tags) => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: tags } })
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }))
  }, WCAG_TAGS)
}
