// Component tests mount later screens one by one, without the routes and lazy loaders that bring
// their texts in the app (withLaterTexts): every text is loaded here, as it is in the app once any
// later screen has opened. The first screen's own texts are tested alone in firstScreen.test.ts.
import { loadLaterTexts } from '../../src/client/i18n'

await loadLaterTexts()
