/**
 * Writes board.html: index.html plus preload links for the board page's code (its lazy chunk,
 * what that chunk imports, and its CSS). The server sends it for /b/* links, so a board's biggest
 * download starts while the HTML is parsed instead of after the entry script has run: on a slow
 * line the two downloads overlap. The home page keeps plain index.html and never loads tldraw.
 */
import type { Plugin, Rollup } from 'vite'

type OutputBundle = Rollup.OutputBundle
type OutputChunk = Rollup.OutputChunk

export const BOARD_HTML = 'board.html'

/** Build files the board fetches only once tldraw mounts (and so one after another), fetched early. */
export interface EarlyFile {
  pattern: RegExp
  /** `fetch` for what tldraw fetch()es (translations), `font` for a FontFace it waits for. */
  as: 'fetch' | 'font'
}

export function boardPageHtml(boardPageModule: string, early: EarlyFile[] = []): Plugin {
  return {
    name: 'dialoogbord:board-page-html',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const index = bundle['index.html']
      const boardPage = Object.values(bundle).find((output): output is OutputChunk => output.type === 'chunk' && (output.facadeModuleId ?? '').endsWith(boardPageModule))
      if (!index || index.type !== 'asset' || !boardPage) return this.error(`no index.html or no chunk for ${boardPageModule} to make ${BOARD_HTML} from`)
      const { scripts, styles } = closure(boardPage, bundle)
      // Smallest first: the connection code can start the board's sync before tldraw is in.
      const size = (file: string) => {
        const output = bundle[file]
        return output?.type === 'chunk' ? output.code.length : 0
      }
      scripts.sort((a, b) => size(a) - size(b))
      const html = String(index.source)
      // The entry's own preloads are in index.html already.
      const links = [
        ...scripts.filter((file) => !html.includes(`/${file}"`)).map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`),
        ...styles.filter((file) => !html.includes(`/${file}"`)).map((file) => `<link rel="preload" as="style" crossorigin href="/${file}">`),
        ...early.flatMap(({ pattern, as }) => {
          const files = Object.keys(bundle).filter((name) => pattern.test(name))
          if (files.length !== 1) this.error(`${pattern} should match one file of the build, matched ${files.length}`)
          // crossorigin: fetch() and FontFace load in CORS mode; a preload only counts when it matches.
          return files.map((file) => `<link rel="preload" as="${as}"${as === 'font' ? ' type="font/woff2"' : ''} crossorigin href="/${file}">`)
        }),
      ]
      if (!html.includes('</head>')) return this.error('index.html has no </head>')
      this.emitFile({ type: 'asset', fileName: BOARD_HTML, source: html.replace('</head>', `  ${links.join('\n    ')}\n  </head>`) })
    },
  }
}

/** The chunk, every chunk it imports statically (transitively), and their CSS. */
function closure(start: OutputChunk, bundle: OutputBundle): { scripts: string[]; styles: string[] } {
  const scripts = new Set<string>()
  const styles = new Set<string>()
  const visit = (chunk: OutputChunk) => {
    if (scripts.has(chunk.fileName)) return
    scripts.add(chunk.fileName)
    for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css)
    for (const name of chunk.imports) {
      const next = bundle[name]
      if (next?.type === 'chunk') visit(next)
    }
  }
  visit(start)
  return { scripts: [...scripts], styles: [...styles] }
}
