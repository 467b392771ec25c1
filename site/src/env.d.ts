declare namespace App {
  interface Locals {
    /** Set by the preview route: the page shows a draft to a signed-in editor. */
    preview?: { cmsOrigin: string }
  }
}
