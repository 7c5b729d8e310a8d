// The demo municipality "Demo Kommune": generate it (pure), seed it (once), and name the accounts
// worth trying first.
export { generateDemo } from './generate'
export { seedDemo } from './seed'
export { DEMO_ACCOUNTS_HIGHLIGHT } from './highlight'
export type { DemoData } from './types'
