/**
 * A note as tldraw renders it zoomed out (below SKETCH_BELOW_ZOOM: no shadow, a bottom border),
 * built from the same elements and classes, so it looks the same, without what makes tldraw's
 * note costly on a 5,000-card overview: its text as HTML through TipTap (a schema per note), and
 * eight subscriptions per note for editing it. Only plain text (paragraphs, line breaks) is
 * sketched; a note with formatting, a link, an author's name or a non-default scale stays
 * tldraw's own.
 */
import { getDisplayValues, type NoteShapeUtil, type TLNoteShape } from 'tldraw'

/** A paragraph: its text, split at line breaks. */
export type SketchParagraph = string[]

interface RichNode {
  type?: unknown
  text?: unknown
  marks?: unknown
  attrs?: unknown
  content?: unknown
}

/**
 * The paragraphs of a note's rich text when they are plain (text without marks, line breaks),
 * else null: the sketch shows only what it can show exactly as tldraw does.
 */
export function plainParagraphs(richText: unknown): SketchParagraph[] | null {
  // Records are immutable: a note's text is read once, for canSketch and the sketch alike.
  if (richText === null || typeof richText !== 'object') return null
  const known = parsed.get(richText)
  if (known !== undefined) return known
  const paragraphs = readParagraphs(richText as RichNode)
  parsed.set(richText, paragraphs)
  return paragraphs
}

const parsed = new WeakMap<object, SketchParagraph[] | null>()

function readParagraphs(doc: RichNode): SketchParagraph[] | null {
  if (doc?.type !== 'doc' || !Array.isArray(doc.content)) return null
  const paragraphs: SketchParagraph[] = []
  for (const block of doc.content as RichNode[]) {
    if (block?.type !== 'paragraph' || hasAttrs(block)) return null
    const lines = ['']
    for (const inline of (block.content ?? []) as RichNode[]) {
      if (inline?.type === 'hardBreak') lines.push('')
      else if (inline?.type === 'text' && typeof inline.text === 'string' && !(Array.isArray(inline.marks) && inline.marks.length > 0)) lines[lines.length - 1] += inline.text
      else return null
    }
    paragraphs.push(lines)
  }
  return paragraphs
}

/** TipTap gives paragraphs a `dir` attribute at most; anything else (alignment…) we leave to tldraw. */
function hasAttrs(block: RichNode): boolean {
  if (!block.attrs || typeof block.attrs !== 'object') return false
  return Object.entries(block.attrs).some(([key, value]) => key !== 'dir' && value !== null && value !== undefined)
}

/** Whether a note can be sketched (see the module comment). */
export function canSketch(shape: TLNoteShape): boolean {
  return shape.props.scale === 1 && !shape.props.url && !shape.props.textFirstEditedBy && plainParagraphs(shape.props.richText) !== null
}

/** The sketch's elements (called, not rendered as a component of its own). */
export function noteSketch(util: NoteShapeUtil, shape: TLNoteShape) {
  const dv = getDisplayValues(util, shape)
  const { growY, fontSizeAdjustment } = shape.props
  const paragraphs = plainParagraphs(shape.props.richText) ?? []
  const isEmpty = paragraphs.every((lines) => lines.every((line) => line === ''))
  const fontSize = (fontSizeAdjustment ?? 1) * dv.labelFontSize
  const textAlign = dv.labelHorizontalAlign
  const verticalAlign = dv.labelVerticalAlign
  return (
    <div
      id={shape.id}
      className="tl-note__container"
      style={{ width: dv.noteWidth, height: dv.noteHeight + growY, backgroundColor: dv.noteBackgroundColor, borderBottom: `${dv.borderWidth}px solid ${dv.borderColor}`, boxShadow: 'none' }}
    >
      {!isEmpty && (
        <div
          className="tl-text-label tl-text-wrapper tl-rich-text-wrapper tl-text__no-outline"
          aria-hidden
          data-hastext
          data-isediting={false}
          data-textwrap
          data-isselected={false}
          style={{
            fontFamily: dv.labelFontFamily,
            textAlign,
            justifyContent: textAlign === 'center' ? 'center' : textAlign === 'end' ? 'flex-end' : 'flex-start',
            alignItems: verticalAlign === 'middle' ? 'center' : verticalAlign === 'end' ? 'flex-end' : 'flex-start',
            padding: dv.labelPadding,
          }}
        >
          <div
            className="tl-text-label__inner tl-text-content__wrapper"
            style={{ fontSize, lineHeight: dv.labelLineHeight.toString(), minHeight: Math.floor(fontSize * dv.labelLineHeight) + 'px', minWidth: 0, color: dv.labelColor }}
          >
            <div className="tl-text tl-text tl-text-content" dir="auto">
              <div className="tl-rich-text">
                {paragraphs.map((lines, index) => (
                  <p key={index} dir="auto">
                    {lines.map((line, at) => (at === 0 ? line : [<br key={at} />, line]))}
                  </p>
                ))}
              </div>
            </div>
          </div>
        </div>
      )}
    </div>
  )
}
