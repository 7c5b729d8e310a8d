// Fields of synced records as a device sends them, shared by the server's and the client's tests.
/** A dialogue about the budget, held on `heldOn` (null: not yet held). */
export const dialogueFields = (heldOn: string | null, over: Record<string, unknown> = {}) => ({
  kind: 'dialogue',
  topics: [{ indicator: 'budget', purpose: 'support' }],
  followsFrom: null,
  scheduledOn: heldOn ?? '2025-12-01',
  heldOn,
  agenda: ['Budget'],
  minutes: 'Aftalt: ny vagtplan',
  improved: {},
  reopenedOn: null,
  reopenReason: '',
  ...over,
})
