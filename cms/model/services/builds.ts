/**
 * The site-build status rows (what staff see under Publishing → Site builds), as the
 * publisher records them. One implementation (the CMS's publishing feature) owns every
 * transition: queued → running → succeeded / failed / stopped, the heartbeat of a
 * running row, and the recovery of rows whose runner died. The publisher only calls this.
 */

/** How a build ended, for its row. */
export type BuildOutcome = {
  mode: 'full' | 'fast' | 'none'
  /** What it did, in a line (`describeResult`). */
  detail: string
  pages: number
  /** The build directory, relative to the installation. */
  buildDir: string
}

/** A row being built: it shows a sign of life until one of these ends it. */
export interface RunningBuild {
  readonly id: string
  succeeded(outcome: BuildOutcome): Promise<void>
  failed(error: unknown): Promise<void>
  /** Stopped (the runner was asked to stop): `message` says so; a queued build's changes are queued again. */
  stopped(message: string): Promise<void>
}

export interface BuildRecorder {
  /**
   * Takes a queued row: running from now on. Null when there is no such row or it is no
   * longer queued (another runner took it, it was recovered): the job has nothing to do.
   */
  claim(buildId: string): Promise<RunningBuild | null>
  /** A build outside the queue (`npm start`), recorded from the moment it turns out to render. */
  begin(title: string, plan: { mode: 'full' | 'fast'; reason?: string }): Promise<RunningBuild>
}

/** What builds a queued row: the publisher, handed to the job task by the process that runs jobs. */
export interface SitePublisher {
  runQueued(buildId: string, recorder: BuildRecorder): Promise<'succeeded' | 'failed' | 'stopped' | 'skipped'>
}
