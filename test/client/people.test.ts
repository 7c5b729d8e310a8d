// People and roles (/import/personer) and choosing a password with a link (/logind#nulstil=…),
// through the app's routes with the real session store on a fresh device, against a scripted server
// that answers as the contracts (src/core/http/people.ts) say and keeps every request.
import 'fake-indexeddb/auto'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import axe from 'axe-core'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Me, PeopleList, PersonEntry, PersonInput } from '../../src/client/api/types'
import { requestUrl } from '../helpers/requestUrl'
import { plain } from './fixtures'
import { useSessionStore } from '../../src/client/features/session/sessionStore'
import { eachTestOnAFreshDevice } from './realRecords'
import { routedApp } from './routed'
import { json } from './syncFakeServer'

function economicsMe(): Me {
  return { person: { id: 'p-eco', name: 'Anne Andersen', email: 'oekonomi@x.dk' }, roles: [{ role: 'economics' }], units: [], areas: [] }
}

const person = (id: string, name: string, over: Partial<PersonEntry> = {}): PersonEntry => ({
  id,
  name,
  email: `${id}@x.dk`,
  active: true,
  hasPassword: true,
  roles: [],
  ...over,
})
const LIST: PeopleList = {
  people: [
    person('p-eco', 'Anne Andersen', { roles: [{ role: 'economics', unitId: null, areaId: null }] }),
    person('p-lea', 'Lea Leder', { roles: [{ role: 'leader', unitId: 'u1', areaId: null }] }),
    person('p-olga', 'Olga Områdechef', { roles: [{ role: 'area_chief', unitId: null, areaId: 'a1' }], hasPassword: false }),
    person('p-old', 'Otto Gammel', { active: false }),
  ],
  units: [
    { id: 'u1', name: 'Askeskolen', areaId: 'a1' },
    { id: 'u2', name: 'Bøgehuset', areaId: 'a1' },
  ],
  areas: [{ id: 'a1', name: 'Område Nord' }],
}

interface Seen {
  method: string
  path: string
  body: unknown
}
const seen: Seen[] = []
let answers: Record<string, (body: unknown) => Response>
function answer(input: Parameters<typeof fetch>[0], init?: RequestInit): Response {
  const path = new URL(requestUrl(input), 'http://localhost').pathname
  const method = init?.method ?? 'GET'
  const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : null
  seen.push({ method, path, body })
  const found = answers[`${method} ${path}`]
  return found ? found(body) : json({ error: 'not_found', message: 'Siden findes ikke.' }, 404)
}
const fetchMock = vi.fn<typeof fetch>((input, init) => Promise.resolve().then(() => answer(input, init)))

eachTestOnAFreshDevice(economicsMe)
beforeEach(() => {
  seen.length = 0
  vi.stubGlobal('fetch', fetchMock)
  answers = {
    'GET /api/config/people': () => json(LIST),
    'POST /api/config/people': (body) => json({ ...person('p-new', (body as PersonInput).name), ...(body as PersonInput) }, 201),
    'POST /api/config/people/p-lea/deactivate': () => json(person('p-lea', 'Lea Leder', { active: false })),
    'POST /api/config/people/p-olga/reset-link': () =>
      json({ path: '/logind#nulstil=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', expiresAt: '2026-12-09T10:00:00Z' }),
  }
})

const open = async (path = '/import/personer'): Promise<VueWrapper> => (await routedApp(path)).wrapper
const sent = (method: string, path: string) => seen.filter((s) => s.method === method && s.path === path).map((s) => s.body)
/** The form for a new person, opened, with what is given typed in. */
async function newPerson(w: VueWrapper, typed: { name?: string; email?: string }): Promise<void> {
  await w.get('[data-testid="new-person"]').trigger('click')
  if (typed.name !== undefined) await w.get('#person-name').setValue(typed.name)
  if (typed.email !== undefined) await w.get('#person-email').setValue(typed.email)
}
async function submitPerson(w: VueWrapper): Promise<void> {
  await w.get('[data-testid="person-form"]').trigger('submit')
  await flushPromises()
}
const rows = (w: VueWrapper) =>
  w.findAll('[data-testid="people-list"] li').map((li) =>
    li
      .findAll('.who > *')
      .map((part) => plain(part.text()))
      .join(' | '),
  )
const button = (w: VueWrapper, email: string, name: string) =>
  w
    .get(`[data-person="${email}"]`)
    .findAll('button')
    .find((b) => b.attributes('aria-label') === name)

describe('people and roles', () => {
  it('lists everyone with their roles in words and whether they may sign in', async () => {
    const w = await open()
    expect(rows(w)).toEqual([
      'Anne Andersen | p-eco@x.dk | Økonomiteamet | Aktiv',
      'Lea Leder | p-lea@x.dk | Leder af Askeskolen | Aktiv',
      'Olga Områdechef | p-olga@x.dk | Områdechef for Område Nord | Aktiv – har ikke valgt adgangskode endnu',
      'Otto Gammel | p-old@x.dk | Ingen roller | Deaktiveret',
    ])
    await w.get('#people-search').setValue('olga')
    expect(rows(w)).toHaveLength(1)
    await w.get('#people-search').setValue('ingen sådan')
    expect(w.get('[data-testid="people-none"]').text()).toBe('Ingen personer passer til søgningen.')
    w.unmount()
  })

  it('makes a person with a leader role: the request as the contract says, and the list again', async () => {
    const w = await open()
    await newPerson(w, { name: 'Ida Ny', email: 'ida@x.dk' })
    await w.get('[data-testid="person-form"] button.secondary.small:last-of-type').trigger('click')
    await w.get('#person-unit-0').setValue('u2')
    await submitPerson(w)
    expect(sent('POST', '/api/config/people')).toEqual([{ name: 'Ida Ny', email: 'ida@x.dk', roles: [{ role: 'leader', unitId: 'u2', areaId: null }] }])
    expect(plain(w.get('[data-testid="people-said"]').text())).toBe('Ida Ny er oprettet.')
    expect(sent('GET', '/api/config/people')).toHaveLength(2)
    w.unmount()
  })

  it('refuses a form without a name or with a bad e-mail beside the field, and sends nothing; the server’s refusal lands beside its field', async () => {
    const w = await open()
    await newPerson(w, { email: 'ikke en adresse' })
    await submitPerson(w)
    expect(plain(w.get('#person-name-error').text())).toBe('Navnet må ikke være tom.')
    expect(w.get('#person-email-error').text()).toBe('Ugyldig e-mailadresse.')
    expect(document.activeElement?.id).toBe('person-name')
    expect(sent('POST', '/api/config/people')).toEqual([])
    answers['POST /api/config/people'] = () =>
      json({ error: 'invalid_person', message: 'x', details: [{ path: 'email', message: 'Der findes allerede en person med e-mailadressen lea@x.dk.' }] }, 422)
    await w.get('#person-name').setValue('Lea To')
    await w.get('#person-email').setValue('lea@x.dk')
    await submitPerson(w)
    expect(w.get('#person-email-error').text()).toBe('Der findes allerede en person med e-mailadressen lea@x.dk.')
    expect(w.get<HTMLInputElement>('#person-name').element.value).toBe('Lea To')
    w.unmount()
  })

  it('deactivates a person and says they are signed out; makes a link to choose a password, with its last day', async () => {
    const w = await open()
    await button(w, 'p-lea@x.dk', 'Deaktivér Lea Leder')!.trigger('click')
    await flushPromises()
    expect(sent('POST', '/api/config/people/p-lea/deactivate')).toHaveLength(1)
    expect(plain(w.get('[data-testid="people-said"]').text())).toBe('Lea Leder er deaktiveret og logget ud.')
    await button(w, 'p-olga@x.dk', 'Lav link til adgangskode Olga Områdechef')!.trigger('click')
    await flushPromises()
    expect(w.get<HTMLInputElement>('#reset-link').element.value).toBe(`${location.origin}/logind#nulstil=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG`)
    expect(plain(w.get('[data-testid="reset-link"]').text())).toContain('Det gælder til og med 9. dec. 2026')
    w.unmount()
  })

  it('every control has a name (axe), the form’s too', async () => {
    const w = await open()
    await newPerson(w, {})
    await w.get('[data-testid="person-form"] button.secondary.small:last-of-type').trigger('click')
    const result = await axe.run(document.body, {
      runOnly: { type: 'rule', values: ['label', 'select-name', 'button-name', 'link-name', 'aria-allowed-attr'] },
    })
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
    w.unmount()
  })
})

describe('choosing a password with a link', () => {
  beforeEach(() => {
    const session = useSessionStore()
    session.me = null
    session.status = 'signedOut'
    answers['GET /api/session'] = () => json({ me: null })
  })
  it('sends the token from the fragment with the new password, then asks the person to sign in', async () => {
    answers['POST /api/auth/reset-password'] = () => new Response(null, { status: 204 })
    const w = await open('/logind#nulstil=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG')
    await vi.waitFor(() => expect(w.find('[data-testid="password-reset"]').exists()).toBe(true))
    await w.get('#new-password').setValue('kort')
    await w.get('[data-testid="password-reset"]').trigger('submit')
    expect(w.get('#new-password-error').text()).toBe('Adgangskoden skal være mindst 10 tegn.')
    await w.get('#new-password').setValue('en lang nok adgangskode')
    await w.get('#repeat-password').setValue('en anden')
    await w.get('[data-testid="password-reset"]').trigger('submit')
    expect(w.get('#repeat-password-error').text()).toBe('De to adgangskoder er ikke ens.')
    expect(sent('POST', '/api/auth/reset-password')).toEqual([])
    await w.get('#repeat-password').setValue('en lang nok adgangskode')
    await w.get('[data-testid="password-reset"]').trigger('submit')
    await flushPromises()
    expect(sent('POST', '/api/auth/reset-password')).toEqual([{ token: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', password: 'en lang nok adgangskode' }])
    expect(w.find('[data-testid="password-reset"]').exists()).toBe(false)
    expect(plain(w.get('[data-testid="password-chosen"]').text())).toBe('Din adgangskode er gemt. Log ind med din e-mail og den nye adgangskode.')
    w.unmount()
  })

  it('says why a used link cannot be used', async () => {
    answers['POST /api/auth/reset-password'] = () => json({ error: 'link_not_valid', message: 'Linket kan ikke bruges: det er brugt.' }, 410)
    const w = await open('/logind#nulstil=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG')
    await vi.waitFor(() => expect(w.find('[data-testid="password-reset"]').exists()).toBe(true))
    await w.get('#new-password').setValue('en lang nok adgangskode')
    await w.get('#repeat-password').setValue('en lang nok adgangskode')
    await w.get('[data-testid="password-reset"]').trigger('submit')
    await flushPromises()
    expect(w.get('[data-testid="password-reset-error"]').text()).toBe('Linket kan ikke bruges: det er brugt.')
    w.unmount()
  })
})
