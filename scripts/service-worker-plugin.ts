/**
 * Builds client/offline/service-worker.ts into /sw.js with the list of files it keeps offline:
 * index.html and every hashed file of this build, except tldraw's translations into languages
 * the app does not speak. The cache name is a hash of those files, so every build that changes
 * one of them installs a new worker that replaces the old cache.
 *
 * Hand-written rather than vite-plugin-pwa/workbox: workbox-build brings Babel, Rollup and Terser
 * (~200 packages) and seconds to every build, for what is here one precache list and three rules.
 */
import { createHash } from 'node:crypto'
import path from 'node:path'
import { build } from 'esbuild'
import type { Plugin } from 'vite'

/** Languages of the app (client/i18n.ts); tldraw's other translations are not kept offline. */
const LANGUAGES = ['nl', 'en']
const COMPRESSED_COPY = /\.(br|gz)$/
const TRANSLATION = /^assets\/([a-z]{2}(?:-[a-z]{2})?)-[\w-]{8}\.json$/

export function serviceWorker(source: string): Plugin {
  return {
    name: 'dialoogbord:service-worker',
    apply: 'build',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      const kept = Object.keys(bundle)
        .filter((name) => !COMPRESSED_COPY.test(name) && name !== 'sw.js')
        .filter((name) => name === 'index.html' || name.startsWith('assets/'))
        .filter((name) => {
          const language = TRANSLATION.exec(name)?.[1]
          return language === undefined || LANGUAGES.includes(language)
        })
        .sort()
      const version = createHash('sha256')
      for (const name of kept) {
        const output = bundle[name]!
        version.update(name).update(output.type === 'chunk' ? output.code : output.source)
      }
      const built = await build({
        entryPoints: [path.resolve(source)],
        bundle: true,
        write: false,
        minify: true,
        format: 'iife',
        target: 'es2022',
        define: {
          __SHELL_VERSION__: JSON.stringify(version.digest('base64url').slice(0, 16)),
          __PRECACHE__: JSON.stringify(kept.map((name) => `/${name}`)),
        },
      })
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: built.outputFiles[0]!.text })
    },
  }
}
