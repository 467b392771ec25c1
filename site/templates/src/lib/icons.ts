import fs from 'node:fs'
import { createRequire } from 'node:module'

import { taskIcons, type TaskIcon } from '@atvira/model/identity'

/** One SVG child of a lucide icon: its tag and attributes (paths, circles, rects). */
export type IconNode = [tag: string, attrs: Record<string, string>]

let nodes: Record<string, IconNode[]> | undefined

/**
 * The shapes of a top task's icon, from lucide-static's icon data. Inlined into the
 * page (no icon font, no extra request, drawn in the text colour so forced colours and
 * dark mode follow). Read once per build.
 */
export function iconNodes(icon: TaskIcon): IconNode[] {
  nodes ??= JSON.parse(fs.readFileSync(createRequire(import.meta.url).resolve('lucide-static/icon-nodes.json'), 'utf8')) as Record<string, IconNode[]>
  const shapes = nodes[taskIcons[icon] ?? taskIcons.document]
  if (!shapes) throw new Error(`lucide-static has no icon "${taskIcons[icon]}" (for the task icon "${icon}"): update model/identity.ts`)
  return shapes
}
