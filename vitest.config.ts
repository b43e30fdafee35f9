import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // Every temp folder a test makes goes under one folder that is removed when the run ends.
    globalSetup: ['tests/helpers/temp-root.ts'],
  },
})
