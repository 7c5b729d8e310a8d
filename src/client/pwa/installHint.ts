// iOS Safari never offers to install a PWA; the leader must use Del → Føj til hjemmeskærm. We say
// so once, in Safari only (not in the installed app), until dismissed.
const DISMISSED_KEY = 'mls-ios-hint-dismissed'

export function isIosSafariBrowser(nav: Navigator = navigator, win: Window = window): boolean {
  const ua = nav.userAgent
  const iOS = /iPad|iPhone|iPod/.test(ua) || (nav.platform === 'MacIntel' && nav.maxTouchPoints > 1)
  if (!iOS) return false
  // Other iOS browsers (Chrome, Firefox, Edge) cannot add to the home screen the same way.
  if (/CriOS|FxiOS|EdgiOS|OPiOS/.test(ua)) return false
  const standalone = (nav as Navigator & { standalone?: boolean }).standalone === true || win.matchMedia?.('(display-mode: standalone)').matches
  return !standalone
}

export function shouldShowIosHint(): boolean {
  try {
    if (localStorage.getItem(DISMISSED_KEY) === '1') return false
  } catch {
    // No storage: show it; it can still be closed for this visit.
  }
  return isIosSafariBrowser()
}

export function dismissIosHint(): void {
  try {
    localStorage.setItem(DISMISSED_KEY, '1')
  } catch {
    // Closed for this visit only.
  }
}
