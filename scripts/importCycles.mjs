#!/usr/bin/env node
/**
 * Two checks of the import graph of the .ts and .vue files below a folder (default: src); exits 1
 * when either finds something.
 *
 * - Cycles. Unlike import-x/no-cycle it follows type-only imports (`import type`) and dynamic
 *   `import()` too: both still tie the files together (a type-only circle became a real one the
 *   first time someone imported a value along it).
 * - Layers, transitively. A module of stores/, api/ or engine/ must not reach a component (.vue)
 *   or a view folder (VIEW_FOLDERS) through value imports, dynamic ones included, however many
 *   files lie between: ESLint's zones see only a file's own imports, so a store importing a log
 *   description that imported a cell passed them. Type-only imports are left out (they are gone
 *   from the build); `import { type A }` is not type-only (with verbatimModuleSyntax it stays, as
 *   `import {} from`).
 *
 * Resolves relative paths and the `@/` alias.
 *
 *   node scripts/importCycles.mjs [folder]
 */
import fs from 'node:fs'
import path from 'node:path'

const root = process.argv[2] ?? 'src'

/** Folders whose modules may use nothing above them: neither a component nor a view folder. */
const LOWER_FOLDERS = ['stores', 'api', 'engine']
/** Views, and what only views use: the app factory, the cells, the log descriptions' view part. */
const VIEW_FOLDERS = ['app', 'shell', 'embed', 'logPage', 'logsClearing', 'cells', 'logKinds/views']

/** Every .ts and .vue file below `folder` (declaration files aside). */
function sourceFiles(folder) {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name)
    if (entry.isDirectory()) return sourceFiles(file)
    return /\.(ts|vue)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [file] : []
  })
}

/** The file an import specifier names, or null for a package. */
function resolve(from, specifier) {
  let base
  if (specifier.startsWith('@/')) base = path.join(root, specifier.slice(2))
  else if (specifier.startsWith('.')) base = path.join(path.dirname(from), specifier)
  else return null
  const candidates = [base, `${base}.ts`, `${base}.vue`, path.join(base, 'index.ts')]
  return candidates.find((file) => fs.existsSync(file) && fs.statSync(file).isFile()) ?? null
}

/**
 * Each pattern: the specifier (group `from`), and whether the import is type-only (group `type`).
 * A clause never runs into the next import or export (without semicolons, `export type A = B`
 * would otherwise take the next line's `from` as its own).
 */
const IMPORTS = [
  /(?:^|\n)\s*(?:import|export)\s+(?<type>type\s)?(?:(?!\n\s*(?:import|export)\s)[^'"`;])*?\sfrom\s*['"](?<from>[^'"]+)['"]/g,
  /(?:^|\n)\s*import\s*['"](?<from>[^'"]+)['"]/g,
  // `typeof import('…')` names a type: type-only.
  /(?<type>\btypeof\s+)?\bimport\(\s*['"](?<from>[^'"]+)['"]\s*\)/g,
]

/** Each file's imports inside the folder: `all` of them, and the `values` (not type-only). */
function importGraph(files) {
  return new Map(
    files.map((file) => {
      const text = fs.readFileSync(file, 'utf8')
      const found = IMPORTS.flatMap((pattern) =>
        [...text.matchAll(pattern)].map(({ groups }) => ({
          target: resolve(file, groups.from),
          typeOnly: !!groups.type,
        })),
      ).filter(({ target }) => target !== null)
      const all = [...new Set(found.map(({ target }) => target))]
      const values = [...new Set(found.filter(({ typeOnly }) => !typeOnly).map(({ target }) => target))]
      return [file, { all, values }]
    }),
  )
}

/** A file's imports (none for a file outside the graph: JSON, a declaration file). */
const NO_IMPORTS = { all: [], values: [] }
const importsOf = (graph, file) => graph.get(file) ?? NO_IMPORTS

/** Import cycles (Tarjan's strongly connected components): each a list of files. */
function importCycles(files, graph) {
  const order = new Map()
  const low = new Map()
  const stack = []
  const onStack = new Set()
  const components = []
  function visit(file) {
    order.set(file, order.size)
    low.set(file, order.get(file))
    stack.push(file)
    onStack.add(file)
    for (const target of importsOf(graph, file).all) {
      if (!order.has(target)) {
        visit(target)
        low.set(file, Math.min(low.get(file), low.get(target)))
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file), order.get(target)))
    }
    if (low.get(file) !== order.get(file)) return
    const component = []
    let member
    do {
      member = stack.pop()
      onStack.delete(member)
      component.push(member)
    } while (member !== file)
    components.push(component)
  }
  for (const file of files) if (!order.has(file)) visit(file)
  // Each component of two or more files (or of one importing itself) holds at least one cycle.
  return components.filter((c) => c.length > 1 || importsOf(graph, c[0]).all.includes(c[0]))
}

/** The folder of `file` relative to the root, with a trailing slash. */
const folderOf = (file) => `${path.relative(root, path.dirname(file)).split(path.sep).join('/')}/`
const isBelow = (file, folders) => folders.some((folder) => folderOf(file).startsWith(`${folder}/`))
const isView = (file) => file.endsWith('.vue') || isBelow(file, VIEW_FOLDERS)

/**
 * For each module of the lower folders that reaches a view through value imports: the shortest
 * chain of imports from it to one (breadth first).
 */
function layerLeaks(files, graph) {
  const leaks = []
  for (const start of files.filter((file) => isBelow(file, LOWER_FOLDERS))) {
    const cameFrom = new Map([[start, null]])
    const queue = [start]
    let reached = null
    while (queue.length && reached === null) {
      const file = queue.shift()
      for (const target of importsOf(graph, file).values) {
        if (cameFrom.has(target)) continue
        cameFrom.set(target, file)
        if (isView(target)) {
          reached = target
          break
        }
        queue.push(target)
      }
    }
    if (reached === null) continue
    const chain = []
    for (let file = reached; file !== null; file = cameFrom.get(file)) chain.unshift(file)
    leaks.push(chain)
  }
  return leaks
}

const files = sourceFiles(root)
const graph = importGraph(files)

const cycles = importCycles(files, graph)
for (const component of cycles) {
  const members = new Set(component)
  console.log(`Import cycle among ${component.length} files (each with its imports inside the cycle):`)
  for (const file of component.sort()) {
    console.log(
      `  ${file} -> ${graph
        .get(file)
        .all.filter((target) => members.has(target))
        .join(', ')}`,
    )
  }
}
console.log(`${cycles.length} import cycle(s) among ${files.length} files in ${root}/`)

const leaks = layerLeaks(files, graph)
for (const chain of leaks) console.log(`A view reached through value imports: ${chain.join(' -> ')}`)
const lower = LOWER_FOLDERS.map((folder) => `${folder}/`).join(', ')
const views = VIEW_FOLDERS.map((folder) => `${folder}/`).join(', ')
console.log(`${leaks.length} module(s) of ${lower} reaching a component or a view folder (${views})`)

process.exit(cycles.length || leaks.length ? 1 : 0)
