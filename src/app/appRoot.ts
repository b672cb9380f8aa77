import { computed, inject, provide, type ComputedRef, type InjectionKey, type Ref } from 'vue'

/** The element that holds one mounted app; dialogs and popups go in here, never into <body>. */
export const APP_ROOT_KEY: InjectionKey<Ref<HTMLElement | null>> = Symbol('tts-app-root')

export function provideAppRoot(root: Ref<HTMLElement | null>) {
  provide(APP_ROOT_KEY, root)
}

/** The app's root element (null before mount, or outside an app root). */
export function useAppRoot(): Ref<HTMLElement | null> | null {
  return inject(APP_ROOT_KEY, null)
}

/**
 * Where a dialog goes: inside the app's own root, so it is styled and leaves with the app
 * (`body` only outside an app root, as in isolated component tests).
 */
export function useDialogTarget(): ComputedRef<HTMLElement | 'body'> {
  const root = useAppRoot()
  return computed(() => root?.value ?? 'body')
}
