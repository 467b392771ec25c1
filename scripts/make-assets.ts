// CLI for scripts/lib/assets.ts: `npm run content:assets [-- --out DIR --content DIR]`.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import cliProgress from 'cli-progress'
import { AssetInputError, makeAssets } from './lib/assets'

const USAGE = `Usage: npm run content:assets -- [--content <dir>] [--out <dir>]

Draws content/media.json as PNGs and typesets content/documents.json as PDFs.
  --content <dir>  folder with media.json and documents.json (default: content)
  --out <dir>      output folder, gets images/ and documents/ (default: data/assets)
  -h, --help       show this help`

// Defaults are anchored to the repo root so the script works from any cwd.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

function shownDir(dir: string): string {
  const rel = path.relative(process.cwd(), dir)
  return rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? dir : rel
}

function parseCli(argv: string[]): { contentDir: string; outDir: string } {
  let values: { content?: string; out?: string; help?: boolean }
  try {
    ;({ values } = parseArgs({
      args: argv,
      options: {
        content: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }))
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`)
    process.exit(2)
  }
  if (values.help) {
    console.log(USAGE)
    process.exit(0)
  }
  return {
    contentDir: values.content ? path.resolve(values.content) : path.join(repoRoot, 'content'),
    outDir: values.out ? path.resolve(values.out) : path.join(repoRoot, 'data', 'assets'),
  }
}

async function main(): Promise<void> {
  const { contentDir, outDir } = parseCli(process.argv.slice(2))
  const started = performance.now()
  // A redrawn bar is noise in CI logs, so only use it on a terminal.
  const bar = process.stdout.isTTY
    ? new cliProgress.SingleBar(
        { format: 'Assets {bar} {value}/{total} {label}', hideCursor: true, clearOnComplete: true },
        cliProgress.Presets.shades_classic,
      )
    : undefined
  let barStarted = false

  try {
    const result = await makeAssets({
      contentDir,
      outDir,
      onProgress(done, total, label) {
        if (bar) {
          if (barStarted) {
            bar.update(done, { label })
          } else {
            bar.start(total, done, { label })
            barStarted = true
          }
        } else if (done > 0) {
          console.log(`[${done}/${total}] ${label}`)
        }
      },
    })
    bar?.stop()
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    console.log(
      `Assets: ${Object.keys(result.images).length} images, ${Object.keys(result.documents).length} documents ` +
        `in ${shownDir(outDir)} (${result.generated} generated, ${result.upToDate} up to date) in ${seconds}s`,
    )
  } catch (err) {
    bar?.stop()
    if (err instanceof AssetInputError) {
      console.error(err.message)
    } else {
      console.error(err)
    }
    process.exit(1)
  }
}

await main()
