// Regenerates public/openapi.json from the zod schemas. A test fails when it is out of date.
import { writeFileSync } from 'node:fs'
import { OPENAPI_FILE, renderOpenApi } from '../server/openapi.ts'

writeFileSync(OPENAPI_FILE, renderOpenApi())
console.log(`wrote ${OPENAPI_FILE}`)
