#!/usr/bin/env node
/**
 * Lists the import cycles among the .ts and .vue files below a folder (default: src), and exits 1
 * when there is one. Unlike import-x/no-cycle it follows type-only imports (`import type`) and
 * dynamic `import()` too: both still tie the files together (a type-only circle became a real one
 * the first time someone imported a value along it). Resolves relative paths and the `@/` alias.
 *
 *   node scripts/importCycles.mjs [folder]
 */
import fs from 'node:fs'
import path from 'node:path'

const root = process.argv[2] ?? 'src'

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

const IMPORTS = [
  /(?:^|\n)\s*(?:import|export)\s[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]/g,
  /(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g,
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
]

const files = sourceFiles(root)
const imports = new Map(
  files.map((file) => {
    const text = fs.readFileSync(file, 'utf8')
    const targets = IMPORTS.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => resolve(file, match[1])))
    return [file, [...new Set(targets.filter((target) => target !== null))]]
  }),
)

// Tarjan's strongly connected components: each of two or more files (or one importing itself)
// holds at least one cycle.
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
  for (const target of imports.get(file) ?? []) {
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

const cycles = components.filter((c) => c.length > 1 || (imports.get(c[0]) ?? []).includes(c[0]))
for (const component of cycles) {
  const members = new Set(component)
  console.log(`Import cycle among ${component.length} files (each with its imports inside the cycle):`)
  for (const file of component.sort()) {
    console.log(
      `  ${file} -> ${imports
        .get(file)
        .filter((target) => members.has(target))
        .join(', ')}`,
    )
  }
}
console.log(`${cycles.length} import cycle(s) among ${files.length} files in ${root}/`)
process.exit(cycles.length ? 1 : 0)
