/**
 * Vitest global setup: one MariaDB server for the whole run (a second or two to start), shared
 * by the MySQL runs of the contract suites, each in a database of its own.
 */
import type { TestProject } from 'vitest/node'
import { startMariaDb } from './mariadb.ts'

export default async function setup(project: TestProject) {
  const server = await startMariaDb()
  project.provide('mariadb', { port: server.port, socket: server.socket })
  return () => server.destroy()
}
