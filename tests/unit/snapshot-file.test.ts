/** The snapshot file is assembled from per-document JSON: it must read back as written. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { generateCorpus } from '../../scripts/bench/corpus'
import { snapshotContentHash, writeSnapshot } from '../../site/publisher/export'

describe('snapshot file', () => {
  it('reads back as the snapshot, and its hash follows the content, not the export time', () => {
    const snapshot = generateCorpus({ documents: 40, bodyWords: 20, seed: 3 })
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'atvira-snap-')), 'snapshot.json')
    try {
      writeSnapshot(file, snapshot)
      expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(JSON.parse(JSON.stringify(snapshot)))
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true })
    }
    expect(snapshotContentHash({ ...structuredClone(snapshot), generatedAt: 'later' })).toBe(snapshotContentHash(snapshot))
    // (Hashes are kept per document object: a snapshot is never changed once built.)
    const changed = structuredClone(snapshot)
    changed.content.en!.docs[3]!.title = 'Changed'
    expect(snapshotContentHash(changed)).not.toBe(snapshotContentHash(snapshot))
  })
})
