// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import MessageDialog from '@/logPage/details/MessageDialog.vue'
import type { LogKind, LogRecord } from '@/logKinds'
import { listingRecord, synchronizationRecord } from '../fixtures/records'
import { mountWithLog, until } from './helpers'

afterEach(() => {
  document.body.innerHTML = ''
})

/** Opens the dialog on one record of a log; resolves to the dialog's text and detailed description. */
async function openDialog(kind: LogKind, record: LogRecord) {
  await mountWithLog(MessageDialog, {
    kind,
    records: [record],
    props: (store) => ({ modelValue: true, indices: [store.indexOfId(record.id)] }),
  })
  await until(() => document.querySelector('.tts-message-dialog__text') !== null)
  return {
    text: document.querySelector('.tts-message-dialog__text')!.textContent,
    detailed: document.querySelector('.tts-message-dialog__detailed')?.textContent?.trim() ?? null,
  }
}

describe('MessageDialog', () => {
  it("shows a synchronization record's detailed description under its message", async () => {
    expect(await openDialog('synchronization', synchronizationRecord())).toEqual({
      text: 'Synchronization failed.',
      detailed: 'HTTP 503 from the TikTok Shop API',
    })
  })

  it('shows no detailed description for a listing record', async () => {
    expect(await openDialog('listing', listingRecord())).toEqual({ text: 'Product was not Listed.', detailed: null })
  })
})
