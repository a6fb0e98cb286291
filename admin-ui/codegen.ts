// GraphQL Code Generator: typed documents for the admin API, generated from the SDL the server
// exports (../schema/sdl/admin.graphql). `npm run codegen` rewrites src/gql/; `npm run
// codegen:check` (run by `npm run build`) fails when that output is stale.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../schema/sdl/admin.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**', '!src/**/*.test.{ts,tsx}'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // Documents become plain strings with their types attached: no graphql-js at run time.
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        scalars: {
          DateTime: 'string',
          Decimal: 'string',
          JSON: 'unknown',
        },
      },
    },
  },
};

export default config;
