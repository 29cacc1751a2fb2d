/** Reading a .docx back in tests: its parts and its paragraphs with their styles. */
import { strFromU8, unzipSync } from 'fflate'

/** A part of a .docx (a zip) as text; fflate is what docx itself zips with. */
export function docxPart(bytes: Uint8Array, name: string): string {
  return strFromU8(unzipSync(bytes, { filter: (file) => file.name === name })[name]!)
}

/** The paragraphs of word/document.xml as [style, text] in document order. */
export function docxParagraphs(bytes: Uint8Array): [string | null, string][] {
  const xml = docxPart(bytes, 'word/document.xml')
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => {
    const style = /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? null
    const text = [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
    return [style, text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')]
  })
}
