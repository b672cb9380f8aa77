// Holds the code to sizes a newcomer can read (`npm run lint` runs it, with tsx): no file in src/ or
// server/ over 400 lines, and no function over 150 lines anywhere in them (a closure counts from
// its first line to its last, nested functions included). Components count their <script> blocks
// for functions and the whole file for lines; a <script setup> block is the component's setup
// function, so it counts too, from its opening tag to its closing one. Prints each offender with
// its size; exits 1 if any.
import { readFileSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parse as parseSfc } from '@vue/compiler-sfc'
import ts from 'typescript'

export interface LongFunction {
  name: string
  /** 1-based, in the file. */
  line: number
  lines: number
}

export const MAX_FILE_LINES = 400
export const MAX_FUNCTION_LINES = 150
const ROOTS = ['src', 'server']

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* files(path)
    else if (/\.(ts|vue)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield path
  }
}

interface Script {
  code: string
  /** The line the block starts on (1-based): its opening tag's. */
  firstLine: number
  /** A <script setup> block's lines, its two tags included: the component's setup function. */
  setupLines?: number
}

/** The TypeScript of a file, block by block. */
function scripts(path: string, text: string): Script[] {
  if (!path.endsWith('.vue')) return [{ code: text, firstLine: 1 }]
  const { descriptor } = parseSfc(text, { filename: path })
  const { script, scriptSetup } = descriptor
  return [
    ...(script ? [{ code: script.content, firstLine: script.loc.start.line }] : []),
    ...(scriptSetup
      ? [
          {
            code: scriptSetup.content,
            firstLine: scriptSetup.loc.start.line,
            // The content runs from just after the opening tag to just before the closing one.
            setupLines: scriptSetup.loc.end.line - scriptSetup.loc.start.line + 1,
          },
        ]
      : []),
  ]
}

/** Functions longer than the limit: a name for each, its first line and its length. */
export function longFunctions(path: string, text: string, limit = MAX_FUNCTION_LINES): LongFunction[] {
  const found: LongFunction[] = []
  for (const { code, firstLine, setupLines } of scripts(path, text)) {
    if (setupLines !== undefined && setupLines > limit)
      found.push({ name: '<script setup>', line: firstLine, lines: setupLines })
    const source = ts.createSourceFile(path, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
    const lineOf = (position: number) => source.getLineAndCharacterOfPosition(position).line
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const start = lineOf(node.getStart(source))
        const lines = lineOf(node.end) - start + 1
        if (lines > limit) found.push({ name: nameOf(node, source), line: firstLine + start, lines })
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return found
}

function nameOf(node: ts.SignatureDeclaration, source: ts.SourceFile): string {
  if (node.name) return node.name.getText(source)
  const parent = node.parent
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && parent.name)
    return parent.name.getText(source)
  if (parent && ts.isCallExpression(parent)) return `(callback of ${parent.expression.getText(source).slice(0, 40)})`
  return '(anonymous)'
}

/** Every file and function over the limits under `root`'s src/ and server/, as lines to print. */
export function check(root = process.cwd()): string[] {
  const problems: string[] = []
  for (const dir of ROOTS) {
    for (const path of files(join(root, dir))) {
      const text = readFileSync(path, 'utf8')
      const name = relative(root, path)
      const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0)
      if (lines > MAX_FILE_LINES) problems.push(`${name}: ${lines} lines (at most ${MAX_FILE_LINES})`)
      for (const f of longFunctions(path, text))
        problems.push(`${name}:${f.line}: function ${f.name} runs ${f.lines} lines (at most ${MAX_FUNCTION_LINES})`)
    }
  }
  return problems
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = check()
  for (const problem of problems) console.error(problem)
  if (problems.length > 0) {
    console.error(`\n${problems.length} over the size limits: split them into parts with interfaces of their own.`)
    process.exit(1)
  }
  console.log(
    `sizes: every file in ${ROOTS.join('/ and ')}/ within ${MAX_FILE_LINES} lines, every function within ${MAX_FUNCTION_LINES}`,
  )
}
