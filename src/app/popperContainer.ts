import { ELEMENT_NAMESPACE } from '@/app/elementNamespace'

/**
 * Element Plus teleports dropdowns and date panels into `#<namespace>-popper-container-<id
 * prefix>`, creating it in <body> when it finds none. Made here first, inside the app's own
 * container, they stay styled (it carries the app's root class), come after the app's controls
 * in the tab order, and leave with the app.
 */
export function createPopperContainer(
  parent: HTMLElement,
  idPrefix: number,
  fallbackLabel: () => string,
): HTMLElement & { disconnectObserver(): void } {
  const container = document.createElement('div')
  container.id = `${ELEMENT_NAMESPACE}-popper-container-${idPrefix}`
  container.className = 'tts-logs tts-popper-container'
  parent.appendChild(container)
  // Element Plus's popups have role="tooltip" and no name; screen readers (and axe) need one:
  // the label of the control that opened it.
  const observer = new MutationObserver(() => {
    for (const popup of container.querySelectorAll<HTMLElement>('[role="tooltip"]:not([aria-label])')) {
      const owner = popup.id
        ? document.querySelector<HTMLElement>(`[aria-describedby~="${popup.id}"], [aria-controls~="${popup.id}"]`)
        : null
      const ownerInput = owner?.matches('input') ? (owner as HTMLInputElement) : owner?.querySelector('input')
      const label =
        ownerInput?.labels?.[0]?.textContent?.trim() || ownerInput?.getAttribute('aria-label') || fallbackLabel()
      popup.setAttribute('aria-label', label)
    }
  })
  observer.observe(container, { childList: true, subtree: true })
  return Object.assign(container, { disconnectObserver: () => observer.disconnect() })
}
