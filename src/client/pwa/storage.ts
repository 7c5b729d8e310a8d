// Ask the browser to keep IndexedDB even under storage pressure: offline use is the point of the
// app, and Safari otherwise evicts a site's data after days without a visit.
export async function requestPersistentStorage(): Promise<boolean> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage
  if (!storage?.persist) return false
  try {
    if (await storage.persisted()) return true
    return await storage.persist()
  } catch {
    return false
  }
}
