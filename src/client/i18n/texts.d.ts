// The first screen's texts and the rest, one language each, split at build time from da.json and
// en.json (i18n/parts.ts, vite.config.ts textParts) and precompiled. The shape is parts.ts's
// Messages, written out: an ambient module cannot import a relative path.
declare module 'virtual:texts/*' {
  interface Messages {
    [key: string]: string | Messages
  }
  const messages: Messages
  export default messages
}
