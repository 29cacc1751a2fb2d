/**
 * Keeps a card's visible text in step with the fields the card panel edits: an agreement card
 * reads "Wie: …" on the board, a checklist card starts with ☐ or ☑. Works on tldraw's rich text
 * (TipTap JSON, one paragraph per line) and leaves every other line as it was.
 */
import type { TLRichText } from 'tldraw'
import { labelPattern } from '../../shared/card-rules.ts'

interface RichNode {
  type: string
  text?: string
  content?: RichNode[]
  [key: string]: unknown
}

/** The text of a paragraph made only of text nodes, else null (hard breaks, mentions…). */
function paragraphText(node: RichNode): string | null {
  if (node.type !== 'paragraph') return null
  const children = node.content ?? []
  if (!children.every((child) => child.type === 'text')) return null
  return children.map((child) => child.text ?? '').join('')
}

/** Where the first paragraph matching `pattern` (a "label: …" line) is; -1 when none does. */
function labelledLineIndex(blocks: readonly RichNode[], pattern: RegExp): number {
  return blocks.findIndex((block) => {
    const text = paragraphText(block)
    return text !== null && pattern.test(text)
  })
}

/**
 * The rich text with its first line "label: …" (any of `labels`, keeping the label as written)
 * set to "label: value"; null when the card has no such line.
 */
export function withLabelledLine(richText: TLRichText, labels: readonly string[], value: string): TLRichText | null {
  const pattern = labelPattern(labels)
  const blocks = richText.content as RichNode[]
  const at = labelledLineIndex(blocks, pattern)
  if (at === -1) return null
  const label = pattern.exec(paragraphText(blocks[at]!)!)![1]!
  const paragraph: RichNode = { ...blocks[at]!, content: [{ type: 'text', text: labelledLine(label, value) }] }
  return { ...richText, content: blocks.map((block, i) => (i === at ? paragraph : block)) }
}

/** Like withLabelledLine, but a card without the line gets it at its end, labelled `label`. */
export function withLabelledLineAdded(richText: TLRichText, labels: readonly string[], label: string, value: string): TLRichText {
  const changed = withLabelledLine(richText, labels, value)
  if (changed) return changed
  const blocks = [...(richText.content as RichNode[])]
  while (blocks.length > 0 && isEmptyParagraph(blocks.at(-1)!)) blocks.pop()
  const paragraph: RichNode = { type: 'paragraph', content: [{ type: 'text', text: labelledLine(label, value) }] }
  return { ...richText, content: [...blocks, paragraph] }
}

/** The rich text without its first line "label: …" (any of `labels`); null when it has none. */
export function withoutLabelledLine(richText: TLRichText, labels: readonly string[]): TLRichText | null {
  const blocks = richText.content as RichNode[]
  const at = labelledLineIndex(blocks, labelPattern(labels))
  if (at === -1) return null
  const rest = blocks.filter((_, i) => i !== at)
  return { ...richText, content: rest.length > 0 ? rest : [{ type: 'paragraph' }] }
}

function labelledLine(label: string, value: string): string {
  return `${label}: ${value.replace(/\s*\n\s*/g, ' ').trim()}`
}

function isEmptyParagraph(block: RichNode): boolean {
  return block.type === 'paragraph' && paragraphText(block)?.trim() === ''
}

/** Every glyph the harvest reads as a checkbox at a card's start (☐ open; ☑ ☒ ✓ ✔ ✅ done). */
const CHECKBOX = /^[☐☑☒✓✔✅]\uFE0F?/u

/** The rich text with its leading checkbox glyph showing `checked`; null when it starts without one. */
export function withCheckbox(richText: TLRichText, checked: boolean): TLRichText | null {
  const path: number[] = []
  const first = firstText(richText.content as RichNode[], path)
  if (!first || !CHECKBOX.test(first.text ?? '')) return null
  const glyph = checked ? '☑' : '☐'
  const replace = (nodes: RichNode[], depth: number): RichNode[] =>
    nodes.map((node, i) => {
      if (i !== path[depth]) return node
      if (depth === path.length - 1) return { ...node, text: (node.text ?? '').replace(CHECKBOX, glyph) }
      return { ...node, content: replace(node.content ?? [], depth + 1) }
    })
  return { ...richText, content: replace(richText.content as RichNode[], 0) }
}

/** The first non-empty text node, depth first; `path` receives the child indexes leading to it. */
function firstText(nodes: RichNode[], path: number[]): RichNode | null {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!
    path.push(i)
    if (node.type === 'text' && node.text) return node
    const inner = firstText(node.content ?? [], path)
    if (inner) return inner
    path.pop()
  }
  return null
}
