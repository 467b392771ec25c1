'use client'
import { createClientFeature } from '@payloadcms/richtext-lexical/client'
import { useLexicalComposerContext } from '@payloadcms/richtext-lexical/lexical/react/LexicalComposerContext'
import { useTranslation } from '@payloadcms/ui'
import { useEffect } from 'react'

import type { ToolbarLabels } from './index'

function label(button: HTMLElement, name: string | undefined): void {
  if (!name || button.getAttribute('aria-label') === name) return
  button.setAttribute('aria-label', name)
  button.title = name
}

/** Names every toolbar button of this editor, again whenever the toolbar re-renders. */
function ToolbarLabelsPlugin({ clientProps }: { clientProps: ToolbarLabels }) {
  const [editor] = useLexicalComposerContext()
  const { i18n } = useTranslation()
  useEffect(() => {
    const names = (clientProps[i18n.language] ?? clientProps.en) as Record<string, string>
    let observer: MutationObserver | undefined
    const apply = (container: Element) => {
      for (const button of container.querySelectorAll<HTMLElement>('button[data-button-key]')) label(button, names[button.dataset.buttonKey ?? ''])
      for (const button of container.querySelectorAll<HTMLElement>('button.toolbar-popup__dropdown')) {
        const group = [...button.classList].find((c) => c.startsWith('toolbar-popup__dropdown-') && c !== 'toolbar-popup__dropdown-items')
        label(button, names[`dropdown:${group?.slice('toolbar-popup__dropdown-'.length)}`])
      }
    }
    const unregister = editor.registerRootListener((root) => {
      observer?.disconnect()
      const container = root?.closest('.rich-text-lexical')
      if (!container) return
      apply(container)
      // Attributes are not observed, so labelling never triggers itself.
      observer = new MutationObserver(() => apply(container))
      observer.observe(container, { childList: true, subtree: true })
    })
    return () => {
      unregister()
      observer?.disconnect()
    }
  }, [editor, i18n.language, clientProps])
  return null
}

export const ToolbarLabelsClient = createClientFeature<ToolbarLabels, ToolbarLabels>(({ props }) => ({
  plugins: [{ Component: ToolbarLabelsPlugin as never, position: 'normal' }],
  sanitizedClientFeatureProps: props,
}))
