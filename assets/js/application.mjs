import { initAll as initGovUk } from './vendor/govuk-frontend.min.js'
import { initAll as initMoj } from './vendor/moj-frontend.min.js'
import { startSessionWarning } from './session-timeout.mjs'

initGovUk()
initMoj()
startSessionWarning(document.body)
