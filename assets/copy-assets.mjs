// Copies what the pages load from the installed npm packages into static/ (never edited by hand).
import { cpSync, mkdirSync } from 'node:fs'

const copies = [
  ['node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js', 'static/js/vendor/govuk-frontend.min.js'],
  ['node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js.map', 'static/js/vendor/govuk-frontend.min.js.map'],
  ['node_modules/@ministryofjustice/frontend/moj/moj-frontend.min.js', 'static/js/vendor/moj-frontend.min.js'],
  ['node_modules/@ministryofjustice/frontend/moj/moj-frontend.min.js.map', 'static/js/vendor/moj-frontend.min.js.map'],
  ['node_modules/htmx.org/dist/htmx.min.js', 'static/js/htmx.min.js'],
  ['node_modules/govuk-frontend/dist/govuk/assets/images', 'static/assets/images'],
  ['node_modules/govuk-frontend/dist/govuk/assets/manifest.json', 'static/assets/manifest.json'],
  ['node_modules/@ministryofjustice/frontend/moj/assets/images', 'static/assets/images'],
  ['assets/js', 'static/js']
]

mkdirSync('static/js/vendor', { recursive: true })
for (const [from, to] of copies) {
  cpSync(from, to, { recursive: true })
}
console.log(`Copied ${copies.length} front-end assets into static/`)
