/** Turns a long load gives the browser, so input and paint are never kept waiting for long. */

/** Lets input and a due frame run first: a new task, behind those already queued. */
export function yieldToInput(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(null)
  })
}

/** No frames to wait for: a hidden tab, or no rendering at all (tests, workers). */
const noFrames = () => typeof requestAnimationFrame !== 'function' || typeof document === 'undefined' || document.hidden

/**
 * Resolves in the first task after the next frame is painted: a rAF callback runs just before the
 * frame's paint, and a message posted there runs after it (at once where there are no frames).
 */
export function afterPaint(): Promise<void> {
  if (noFrames()) return yieldToInput()
  return new Promise<void>((resolve) => requestAnimationFrame(() => resolve())).then(yieldToInput)
}

/**
 * Resolves once the next frame is painted and what was queued for after it has run (at once
 * where there are no frames).
 */
export function nextFrame(): Promise<void> {
  return noFrames() ? yieldToInput() : afterPaint().then(yieldToInput)
}
