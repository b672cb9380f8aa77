import { expect, test } from '@playwright/test'
import { LogPageSchema, MetaSchema, RecordSchemas } from '../../src/api/schemas.ts'

test('the preview server serves the seeded API beside the app', async ({ request }) => {
  const meta = await request.get('/api/v1/meta')
  expect(meta.status()).toBe(200)
  expect(MetaSchema.parse(await meta.json()).accounts).toHaveLength(2)

  const expected = { listing: 50_000, order: 10_000, synchronization: 3_000 }
  for (const kind of ['listing', 'order', 'synchronization'] as const) {
    const response = await request.get(`/api/v1/logs/${kind}?limit=200`)
    expect(response.status()).toBe(200)
    const page = LogPageSchema.parse(await response.json())
    expect(page.totalEstimate).toBe(expected[kind])
    for (const item of page.items) RecordSchemas[kind].parse(item)
  }
})
