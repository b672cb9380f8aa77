/**
 * Vitest global setup: one MariaDB server for the whole run (a second or two to start), shared
 * by the MySQL runs of the contract suites, each in a database of its own.
 */
import type { TestProject } from 'vitest/node'
import { startMariaDb } from './mariadb.ts'

export default async function setup(project: TestProject) {
  let server
  try {
    server = await startMariaDb()
  } catch (error) {
    // The unit and component tests still run; every MySQL suite fails, saying this (none is skipped).
    project.provide('mariadb', { missing: error instanceof Error ? error.message : String(error) })
    return
  }
  project.provide('mariadb', { port: server.port, socket: server.socket })
  return () => server.destroy()
}
