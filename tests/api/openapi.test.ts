// @vitest-environment node
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { LOG_FIELDS } from '@/api/fields'
import { OPENAPI_FILE, buildOpenApi, renderOpenApi } from '../../server/openapi.ts'

describe('the published OpenAPI document', () => {
  it('is generated from the current schemas (run `npm run openapi` after changing them)', () => {
    expect(readFileSync(OPENAPI_FILE, 'utf8')).toBe(renderOpenApi())
  })

  it('describes every endpoint and the record fields', () => {
    const doc = buildOpenApi()
    expect(Object.keys(doc.paths)).toEqual(['/meta', '/logs/{kind}/summary', '/logs/{kind}', '/settings/logs-clearing'])
    // Each log's record: its field list (src/api/fields.ts), in order, then the id.
    for (const [kind, name] of [
      ['listing', 'ListingRecord'],
      ['order', 'OrderRecord'],
      ['synchronization', 'SynchronizationRecord'],
    ] as const) {
      expect(Object.keys(doc.components.schemas[name].properties ?? {})).toEqual([
        ...Object.keys(LOG_FIELDS[kind]),
        'id',
      ])
    }
    expect(Object.keys(doc.components.schemas.ListingRecord.properties ?? {})).toEqual(
      expect.arrayContaining(['createDate', 'type', 'initiator', 'description', 'listingProductId', 'action', 'id']),
    )
    const limit = doc.paths['/logs/{kind}'].get.parameters.find((p) => p.name === 'limit')
    expect(JSON.stringify(limit?.schema)).toContain('10000')
  })
})
