// A scripted server for one of the economics team's configuration screens: GET of its path lists,
// POST makes one — each answer replaceable by a test — keeping what was posted and how often the
// list was asked for. Installed as fetch before each test.
import { beforeEach, vi } from 'vitest'
import { requestUrl } from '../helpers/requestUrl'
import { json } from './syncFakeServer'

export interface ConfigAnswers<I> {
  list: () => Response
  create: (input: I) => Response
}

export function configServer<I>(path: string, defaults: () => ConfigAnswers<I>) {
  const state = { server: defaults(), posted: [] as I[], listed: 0 }
  function answer(input: Parameters<typeof fetch>[0], init?: RequestInit): Response {
    const asked = new URL(requestUrl(input), 'http://localhost').pathname
    const method = init?.method ?? 'GET'
    if (asked === path && method === 'GET') {
      state.listed++
      return state.server.list()
    }
    if (asked === path && method === 'POST') {
      const body = JSON.parse(typeof init?.body === 'string' ? init.body : 'null') as I
      state.posted.push(body)
      return state.server.create(body)
    }
    return json({ error: 'not_found', message: 'Siden findes ikke.' }, 404)
  }
  // A promise, so that an answer that throws (no network) rejects as fetch does.
  const fetchMock = vi.fn<typeof fetch>((input, init) => Promise.resolve().then(() => answer(input, init)))
  beforeEach(() => {
    state.server = defaults()
    state.posted.length = 0
    state.listed = 0
    vi.stubGlobal('fetch', fetchMock)
  })
  return state
}
