// Read by type-aware lint only (.lint/tsconfig.json), never by vue-tsc, which reads the .vue files
// themselves and so still refuses an import of a .vue file that does not exist. Plain TypeScript
// cannot read a .vue file: without this, every component imported into a .ts or .vue file is an
// unresolved type and each use of it an "unsafe any". Types a component shares live in .ts files.
declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent
  export default component
}
