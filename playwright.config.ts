import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './server/testing/chromium.ts'

export default defineConfig({
  testDir: 'e2e',
  // Playwright empties its outputDir at the start of a run: a folder of its own keeps what the
  // integration tests saved under test-results/ before it (the report pages as PNGs).
  outputDir: 'test-results/playwright',
  // Each spec starts its own server process; two cores do not carry more than one at a time.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    locale: 'nl-NL',
    // Debian's chromium, never a downloaded browser (see README "Tests").
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
})
