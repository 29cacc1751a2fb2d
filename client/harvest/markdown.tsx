/**
 * A tiny Markdown renderer for exactly what the harvest report (server/report/harvest.ts)
 * writes: headings, paragraphs, bullet and numbered lists with one nested level, task-list items,
 * tables (cells may hold `<br>`), `**bold**`, `_italic_`, backslash escapes and the entities
 * `&amp; &lt; &gt;`. It builds React elements, so whatever a card says ends up as text: there is no
 * HTML, no link and no image syntax to abuse.
 */
import { Fragment, type ReactNode } from 'react'

export type Inline = string | { type: 'strong' | 'em'; children: Inline[] } | { type: 'br' }

export interface ListItem {
  /** Set on task-list items (`- [ ]`, `- [x]`). */
  checked?: boolean
  content: Inline[]
  children: List | null
}

export interface List {
  type: 'list'
  ordered: boolean
  start: number
  items: ListItem[]
}

export type Block =
  | { type: 'heading'; level: number; content: Inline[] }
  | { type: 'paragraph'; content: Inline[] }
  | List
  | { type: 'table'; header: Inline[][]; rows: Inline[][][] }

const HEADING = /^(#{1,6})\s+(.*)$/
const LIST_ITEM = /^( *)([-*+]|\d{1,9}[.)])\s+(.*)$/
const TABLE_SEPARATOR = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/
const TASK = /^\[([ xX])\]\s+(.*)$/
/** Lines indented at least this much belong to the list item above them. */
const NESTED_INDENT = 2

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n')
  const blocks: Block[] = []
  let paragraph: string[] = []
  const endParagraph = () => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', content: parseInline(paragraph.join(' ')) })
    paragraph = []
  }

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (line.trim() === '') {
      endParagraph()
      continue
    }
    const heading = HEADING.exec(line)
    if (heading) {
      endParagraph()
      blocks.push({ type: 'heading', level: heading[1]!.length, content: parseInline(heading[2]!.replace(/\s+#+\s*$/, '')) })
      continue
    }
    if (line.trimStart().startsWith('|') && TABLE_SEPARATOR.test(lines[i + 1] ?? '')) {
      endParagraph()
      const header = splitRow(line)
      const rows: Inline[][][] = []
      i += 2
      for (; i < lines.length && lines[i]!.trimStart().startsWith('|'); i++) rows.push(splitRow(lines[i]!))
      i--
      blocks.push({ type: 'table', header, rows })
      continue
    }
    const item = LIST_ITEM.exec(line)
    if (item && item[1]!.length < NESTED_INDENT) {
      endParagraph()
      i = parseList(lines, i, blocks) - 1
      continue
    }
    paragraph.push(line.trim())
  }
  endParagraph()
  return blocks
}

/** Parses the list starting at `start`; returns the index of the first line after it. */
function parseList(lines: string[], start: number, blocks: Block[]): number {
  const first = LIST_ITEM.exec(lines[start]!)!
  const ordered = /\d/.test(first[2]!)
  const list: List = { type: 'list', ordered, start: ordered ? Number.parseInt(first[2]!, 10) : 1, items: [] }
  let i = start
  for (; i < lines.length; i++) {
    const match = LIST_ITEM.exec(lines[i]!)
    if (!match) break
    const nested = match[1]!.length >= NESTED_INDENT
    const markerOrdered = /\d/.test(match[2]!)
    if (!nested) {
      if (markerOrdered !== ordered) break
      list.items.push(listItem(match[3]!))
      continue
    }
    const parent = list.items.at(-1)
    if (!parent) break
    if (!parent.children) {
      parent.children = { type: 'list', ordered: markerOrdered, start: markerOrdered ? Number.parseInt(match[2]!, 10) : 1, items: [] }
    }
    parent.children.items.push(listItem(match[3]!))
  }
  blocks.push(list)
  return i
}

function listItem(text: string): ListItem {
  const task = TASK.exec(text)
  if (task) return { checked: task[1] !== ' ', content: parseInline(task[2]!), children: null }
  return { content: parseInline(text), children: null }
}

/** The cells of a table row: split at pipes that are not escaped, outer pipes dropped. */
function splitRow(line: string): Inline[][] {
  let row = line.trim()
  if (row.startsWith('|')) row = row.slice(1)
  const cells: string[] = []
  let cell = ''
  for (let i = 0; i < row.length; i++) {
    const char = row[i]!
    if (char === '\\' && i + 1 < row.length) {
      cell += char + row[i + 1]
      i++
    } else if (char === '|') {
      cells.push(cell)
      cell = ''
    } else {
      cell += char
    }
  }
  if (cell.trim() !== '') cells.push(cell)
  return cells.map((text) => parseInline(text.trim(), { breaks: true }))
}

// ---------------------------------------------------------------------------------------------
// Inline

type Token = { kind: 'text'; value: string } | { kind: 'marker'; value: '**' | '_' } | { kind: 'br' }

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' }
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/
const WORD_CHAR = /[\p{L}\p{N}]/u

/** Inline text to strings, bold and italic; with `breaks`, a literal `<br>` is a line break (table cells). */
export function parseInline(text: string, options: { breaks?: boolean } = {}): Inline[] {
  const tokens: Token[] = []
  const pushText = (value: string) => {
    const last = tokens.at(-1)
    if (last?.kind === 'text') last.value += value
    else tokens.push({ kind: 'text', value })
  }
  for (let i = 0; i < text.length; ) {
    const char = text[i]!
    const next = text[i + 1] ?? ''
    if (char === '\\' && ASCII_PUNCTUATION.test(next)) {
      pushText(next)
      i += 2
      continue
    }
    const entity = char === '&' ? Object.keys(ENTITIES).find((name) => text.startsWith(name, i)) : undefined
    if (entity) {
      pushText(ENTITIES[entity]!)
      i += entity.length
      continue
    }
    if (options.breaks && text.startsWith('<br>', i)) {
      tokens.push({ kind: 'br' })
      i += 4
      continue
    }
    if (char === '*' && next === '*') {
      tokens.push({ kind: 'marker', value: '**' })
      i += 2
      continue
    }
    // An underscore inside a word (snake_case) is not emphasis.
    if (char === '_' && !(WORD_CHAR.test(text[i - 1] ?? '') && WORD_CHAR.test(next))) {
      tokens.push({ kind: 'marker', value: '_' })
      i += 1
      continue
    }
    pushText(char)
    i += 1
  }
  return buildInline(tokens, 0, tokens.length)
}

/** Pairs each marker with the next one like it; a marker without a partner is plain text. */
function buildInline(tokens: Token[], from: number, to: number): Inline[] {
  const out: Inline[] = []
  const pushText = (value: string) => {
    const last = out.at(-1)
    if (typeof last === 'string') out[out.length - 1] = last + value
    else out.push(value)
  }
  for (let i = from; i < to; i++) {
    const token = tokens[i]!
    if (token.kind === 'text') pushText(token.value)
    else if (token.kind === 'br') out.push({ type: 'br' })
    else {
      let close = -1
      for (let j = i + 1; j < to; j++) {
        const candidate = tokens[j]!
        if (candidate.kind === 'marker' && candidate.value === token.value) {
          close = j
          break
        }
      }
      if (close === -1 || close === i + 1) {
        pushText(token.value)
        continue
      }
      out.push({ type: token.value === '**' ? 'strong' : 'em', children: buildInline(tokens, i + 1, close) })
      i = close
    }
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// React

export interface RenderOptions {
  /** Added to heading levels, so the report's `#` fits under the page's own headings. */
  headingOffset?: number
  /** Read out for task-list items, e.g. "gedaan" / "open". */
  taskLabels?: { done: string; open: string }
}

export function renderMarkdown(source: string, options: RenderOptions = {}): ReactNode {
  return renderBlocks(parseMarkdown(source), options)
}

export function renderBlocks(blocks: readonly Block[], options: RenderOptions = {}): ReactNode {
  const offset = options.headingOffset ?? 0
  return blocks.map((block, key) => {
    switch (block.type) {
      case 'heading': {
        const Tag = `h${Math.min(6, block.level + offset)}` as 'h1'
        return <Tag key={key}>{renderInline(block.content)}</Tag>
      }
      case 'paragraph':
        return <p key={key}>{renderInline(block.content)}</p>
      case 'list':
        return <Fragment key={key}>{renderList(block, options)}</Fragment>
      case 'table':
        return (
          <div key={key} className="md-table">
            <table>
              <thead>
                <tr>
                  {block.header.map((cell, i) => (
                    <th key={i} scope="col">
                      {renderInline(cell)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {block.rows.map((row, r) => (
                  <tr key={r}>
                    {block.header.map((_, c) => (
                      <td key={c}>{renderInline(row[c] ?? [])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
    }
  })
}

function renderList(list: List, options: RenderOptions): ReactNode {
  const items = list.items.map((item, key) => (
    <li key={key} className={item.checked === undefined ? undefined : 'md-task'}>
      {item.checked !== undefined && (
        <>
          <span className="md-task__box" aria-hidden="true">
            {item.checked ? '☑' : '☐'}
          </span>
          {options.taskLabels && <span className="visually-hidden">{`${item.checked ? options.taskLabels.done : options.taskLabels.open}: `}</span>}
        </>
      )}
      {renderInline(item.content)}
      {item.children && renderList(item.children, options)}
    </li>
  ))
  return list.ordered ? <ol start={list.start === 1 ? undefined : list.start}>{items}</ol> : <ul>{items}</ul>
}

function renderInline(content: readonly Inline[]): ReactNode {
  return content.map((node, key) => {
    if (typeof node === 'string') return node
    if (node.type === 'br') return <br key={key} />
    const Tag = node.type
    return <Tag key={key}>{renderInline(node.children)}</Tag>
  })
}
