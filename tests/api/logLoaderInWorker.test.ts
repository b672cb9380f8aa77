// @vitest-environment node
/** The loader's suite (logLoader.test.ts) again, the stream's lines parsed in the parsing worker. */
import './parsedInWorker.ts'
import './logLoader.test.ts'
