// Debian's Chromium driven by playwright-core (browsers cannot be downloaded here), and the few
// steps every journey shares: sign in, wait for the lights, wait for the service worker.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core'
import { INDICATOR_SLUGS } from '../../src/client/paths'
import type { IndicatorKey } from '../../src/core/types'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

export const PHONE = { width: 390, height: 844 }
/** A portrait tablet (iPad Air size), for a second device of the same person. */
export const TABLET = { width: 820, height: 1180 }
/** The economics team's desk. */
export const DESK = { width: 1280, height: 900 }

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS })
}

function phoneOptions(baseURL: string, extra: BrowserContextOptions): BrowserContextOptions {
  return {
    baseURL,
    viewport: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
    serviceWorkers: 'allow',
    ...extra,
  }
}

/** A fresh incognito context at phone size on a shared browser. */
export function phoneContext(browser: Browser, baseURL: string, extra: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext(phoneOptions(baseURL, extra))
}

/**
 * A signed-in person's first visit to the home: a fresh phone context holding the session cookie
 * ('name=value', from loginCookie) and no service worker, so nothing stands between the page and
 * the network.
 */
export async function firstVisit(browser: Browser, baseURL: string, cookie: string): Promise<Page> {
  const [name, value] = cookie.split('=') as [string, string]
  const context = await phoneContext(browser, baseURL, { serviceWorkers: 'block' })
  await context.addCookies([{ name, value, url: baseURL }])
  const page = await context.newPage()
  await page.goto('/')
  return page
}

export interface PhoneSession {
  context: BrowserContext
  page: Page
  close(): Promise<void>
}

/**
 * A Chromium with a real (temporary) profile at phone size. Chromium never calls an incognito
 * window installable, so the PWA journey runs in a persistent profile like a person's phone.
 */
export async function launchPhone(baseURL: string, extra: BrowserContextOptions = {}): Promise<PhoneSession> {
  const profile = mkdtempSync(join(tmpdir(), 'mls-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    ...phoneOptions(baseURL, extra),
  })
  const page = context.pages()[0] ?? (await context.newPage())
  return {
    context,
    page,
    async close() {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

export const DEMO_LEADER = 'leder.lars-thomsen@demo.dk'
export const DEMO_ECONOMICS = 'oekonomi@demo.dk'
export const TWO_UNIT_LEADER = 'leder.morten-joergensen@demo.dk'

/** The four light cards of the home page. */
export function lightCards(page: Page) {
  return page.locator('[data-testid^="light-"]')
}

/** Opens an indicator's page from its card on the home; the address is the Danish one. */
export async function openDetail(page: Page, indicator: string): Promise<void> {
  await page
    .getByTestId(`light-${indicator}`)
    .getByRole('link', { name: /Se historik og detaljer/ })
    .click()
  await page.waitForURL(new RegExp(`/enhed/[^/]+/${INDICATOR_SLUGS[indicator as IndicatorKey]}$`))
  await page.getByTestId('history-table').waitFor()
  await page.locator('canvas').waitFor()
}

/** Signs in through the form, as a person would, and waits for the four lights. */
export async function signIn(page: Page, email: string, password = 'demo'): Promise<void> {
  await page.goto('/')
  await page.getByLabel('E-mail', { exact: true }).fill(email)
  await page.getByLabel('Adgangskode', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Log ind' }).click()
  await lightCards(page).nth(3).waitFor()
}

/**
 * Waits until a service worker is active and controls the page. With registerType 'prompt' the
 * first worker does not claim the page it was installed from, so one reload makes it the controller.
 */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null)
  if (!controlled) {
    await page.reload()
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 })
  }
}

/** The keys of one object store in the page's IndexedDB (none when the store is not there). */
function storedKeys(page: Page, store: string): Promise<string[]> {
  return page.evaluate(
    (name) =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('min-lederside')
        open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'))
        open.onsuccess = () => {
          const idb = open.result
          if (!idb.objectStoreNames.contains(name)) return resolve([])
          const keys = idb.transaction(name).objectStore(name).getAllKeys()
          keys.onsuccess = () => resolve(keys.result.map(String))
          keys.onerror = () => reject(keys.error ?? new Error('getAllKeys failed'))
        }
      }),
    store,
  )
}

/** How many synced records the app holds in the page's IndexedDB (0 once the device is wiped). */
export async function storedRecords(page: Page): Promise<number> {
  return (await storedKeys(page, 'records')).length
}

/** The units whose detail (figures, lights) the app holds in the page's IndexedDB. */
export function storedUnitDetails(page: Page): Promise<string[]> {
  return storedKeys(page, 'unitDetails')
}

/** Horizontal overflow of the document, in CSS pixels (0 = no horizontal scroll). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
}

/**
 * Counts the requests in flight in a context, so a test can wait for the app's own background work
 * (a refresh after reconnecting) to finish before it changes the world under it, e.g. clears the cookie.
 */
export function trackRequests(context: BrowserContext): { quiet: (quietMs?: number, timeoutMs?: number) => Promise<void> } {
  let inFlight = 0
  let lastChange = Date.now()
  const change = (delta: number) => {
    inFlight += delta
    lastChange = Date.now()
  }
  context.on('request', () => change(1))
  context.on('requestfinished', () => change(-1))
  context.on('requestfailed', () => change(-1))
  return {
    async quiet(quietMs = 500, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs
      while (inFlight > 0 || Date.now() - lastChange < quietMs) {
        if (Date.now() > deadline) throw new Error(`the network did not go quiet within ${timeoutMs} ms (${inFlight} requests in flight)`)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    },
  }
}

export interface SignedInPerson {
  context: BrowserContext
  page: Page
}

/**
 * A person signed in through the sign-in page on a context of its own whose clock stands on `day`
 * (09:00 in Copenhagen's winter time), once the screen marked `ready` (a test id) is there.
 */
export async function signInOnDay(
  browser: Browser,
  baseURL: string,
  { email, day, ready, viewport = PHONE }: { email: string; day: string; ready: string; viewport?: { width: number; height: number } },
): Promise<SignedInPerson> {
  const context = await phoneContext(browser, baseURL, { bypassCSP: true, viewport })
  await context.clock.setFixedTime(new Date(`${day}T09:00:00+01:00`))
  const page = await context.newPage()
  await page.goto('/')
  await page.getByLabel('E-mail', { exact: true }).fill(email)
  await page.getByLabel('Adgangskode', { exact: true }).fill('demo')
  await page.getByRole('button', { name: 'Log ind' }).click()
  await page.getByTestId(ready).waitFor({ timeout: 20_000 })
  return { context, page }
}

/** Prints the page as the browser's "save as PDF" does (A4, print CSS) and counts the PDF's pages. */
export async function printedA4Pages(page: Page): Promise<number> {
  await page.emulateMedia({ media: 'print' })
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true })
  await page.emulateMedia({ media: 'screen' })
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length
}
