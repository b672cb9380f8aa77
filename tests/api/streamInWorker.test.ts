// @vitest-environment node
/** The streamed load's suite (stream.test.ts) again, its lines parsed in the parsing worker. */
import './parsedInWorker.ts'
import './stream.test.ts'
