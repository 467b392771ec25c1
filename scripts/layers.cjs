/**
 * The layers, checked by dependency-cruiser in `npm test` (`npm run layers`):
 *
 *   scripts/ (entry points) ──► cms/ (Payload) ──► cms/model/ (content model)
 *          │                                          ▲
 *          └──► site/server/ ──► site/publisher/ ─────┤
 *                                site/templates/ ─────┘
 *
 * Arrows point one way only; docs/architecture.md explains each layer.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'A cycle makes two modules one: split what both need into a lower layer.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'model-imports-nothing-of-the-project',
      severity: 'error',
      comment: 'The content model is plain TypeScript: no other part of the project, no Payload runtime.',
      from: { path: '^cms/model/' },
      to: { path: '^(cms/(?!model/)|site/|scripts/|tests/|content/)' },
    },
    {
      name: 'model-has-no-payload-runtime',
      severity: 'error',
      from: { path: '^cms/model/' },
      to: { path: '(^|/)node_modules/(payload|@payloadcms|next|react|astro)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'site-uses-only-the-model-of-cms',
      severity: 'error',
      comment: 'site/ reaches the CMS only through the content model and the interfaces there.',
      from: { path: '^site/' },
      to: { path: '^cms/(?!model/)' },
    },
    {
      name: 'cms-does-not-import-site',
      severity: 'error',
      comment: 'The CMS hands work to the publisher through interfaces in the model; it never imports it.',
      from: { path: '^cms/' },
      to: { path: '^site/' },
    },
    {
      name: 'publisher-does-not-import-server',
      severity: 'error',
      from: { path: '^site/publisher/' },
      to: { path: '^site/server/' },
    },
    {
      name: 'templates-are-self-contained',
      severity: 'error',
      comment: 'A city copies site/templates/: it may import the content model (@atvira/model) and packages only.',
      from: { path: '^site/templates/' },
      to: { path: '^(site/(?!templates/)|scripts/|cms/(?!model/))' },
    },
    {
      name: 'nothing-imports-the-templates',
      severity: 'error',
      comment: 'The publisher loads a templates directory at run time (the one it renders), never this one by name.',
      from: { path: '^(cms|site/(publisher|server))/' },
      to: { path: '^site/templates/' },
    },
    {
      name: 'scripts-are-imported-by-nothing',
      severity: 'error',
      comment: 'scripts/ are command-line entry points that wire the layers; tests may drive their helpers.',
      from: { path: '^(cms|site|content)/' },
      to: { path: '^scripts/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|\\.astro|\\.next)/|^cms/payload-types\\.ts$|^cms/app/\\(payload\\)/admin/importMap\\.js$|^cms/migrations/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.astro'] },
    extraExtensionsToScan: ['.astro'],
    preserveSymlinks: false,
  },
}
