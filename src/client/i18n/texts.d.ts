// The first screen's texts and the rest, one language each, split at build time from da.json and
// en.json (i18n/parts.ts, vite.config.ts textParts) and precompiled.
declare module 'virtual:texts/*' {
  import type { Messages } from './parts'

  const messages: Messages
  export default messages
}
