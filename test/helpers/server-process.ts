// Starts the real server (src/server/server.ts) as a child process on a free port, with a fresh
// embedded database in a temp folder and the demo municipality, serving a given build. Used by the
// end-to-end suite and the bench; both kill it by PID on teardown.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const REPO_ROOT = resolve(import.meta.dirname, '../..')

export interface ServerProcess {
  /** e.g. http://127.0.0.1:41234 — a secure context, so service workers register. */
  url: string
  port: number
  /** Everything the process printed, for failure messages. */
  output(): string
  /** How the process ended (its exit code or signal), or null while it runs. */
  ended(): string | null
  stop(): Promise<void>
}

export interface StartServerOptions {
  /** The built PWA to serve (STATIC_DIR). */
  staticDir: string
  env?: Record<string, string>
  timeoutMs?: number
  /**
   * The database folder to use and keep (the caller removes it): a later server on another day
   * (TODAY) then goes on with what the earlier one held. Without it, a fresh folder removed on stop.
   */
  dataDir?: string
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer()
    probe.unref()
    probe.on('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolvePort(port))
    })
  })
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done()
    child.once('exit', () => done())
  })
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`)
    try {
      const res = await fetch(`${url}/api/health`)
      if (res.ok) return
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`server did not answer /api/health within ${timeoutMs} ms:\n${output()}`)
}

export async function startServer(opts: StartServerOptions): Promise<ServerProcess> {
  const port = await freePort()
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'mls-data-'))
  const url = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/server.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      STATIC_DIR: opts.staticDir,
      DEMO: '1',
      DEMO_PASSWORD: 'demo',
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const output = () => log

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      const done = exited(child)
      process.kill(child.pid, 'SIGTERM')
      const timer = setTimeout(() => {
        if (child.exitCode === null && child.pid !== undefined) process.kill(child.pid, 'SIGKILL')
      }, 5_000)
      await done
      clearTimeout(timer)
    }
    if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true })
  }

  try {
    await waitForHealth(url, child, output, opts.timeoutMs ?? 60_000)
  } catch (error) {
    await stop()
    throw error
  }
  const ended = () => (child.exitCode !== null ? `exit code ${child.exitCode}` : child.signalCode)
  return { url, port, output, ended, stop }
}

/** Logs in over HTTP like the PWA does and returns the Cookie header value (mls_session=…). */
export async function loginCookie(url: string, email: string, password = 'demo'): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'min-lederside' },
    body: JSON.stringify({ email, password }),
  })
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${await res.text()}`)
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('mls_session='))
  if (!cookie) throw new Error('login answered without an mls_session cookie')
  return cookie.split(';')[0]!
}
