// How large a request body the server accepts, shared so the client can stay under it.
//
// Most requests are a login or a small form: 64 KiB is far above any of them and keeps a stray or
// hostile upload from being read into memory. A sync push carries up to MAX_PUSH_MUTATIONS (500)
// changes; 4 MiB lets 500 notes of a few thousand characters each through with room for the
// envelope (ids, table, base version) and JSON escapes. A device whose batch is larger must send
// it in smaller pushes: a 413 is an answer, not a reason to retry the same body.

export const MAX_BODY_BYTES = 64 * 1024
export const MAX_PUSH_BODY_BYTES = 4 * 1024 * 1024
