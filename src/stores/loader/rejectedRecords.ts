/** Records the API sent that failed validation: counted, with the first reasons kept. */
import { ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import type { LogBatchRecords, RejectedRecord } from '@/api/client'
import type { LogKind } from '@/logKinds'

/** Rejected records whose reasons are kept (the rest are counted). */
const REJECTED_KEPT = 100

export interface RejectedRecords {
  rejectedCount: Ref<number>
  rejected: ShallowRef<RejectedRecord[]>
  /** Counts a page's rejected records. */
  note(records: Pick<LogBatchRecords<LogKind>, 'rejected' | 'rejectedCount'>): void
  clear(): void
}

export function useRejectedRecords(): RejectedRecords {
  const rejectedCount = ref(0)
  const rejected = shallowRef<RejectedRecord[]>([])
  return {
    rejectedCount,
    rejected,
    note(records) {
      if (records.rejectedCount === 0) return
      rejectedCount.value += records.rejectedCount
      rejected.value = [...rejected.value, ...records.rejected].slice(0, REJECTED_KEPT)
    },
    clear() {
      rejectedCount.value = 0
      rejected.value = []
    },
  }
}
