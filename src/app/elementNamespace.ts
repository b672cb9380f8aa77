import type { InjectionKey } from 'vue'

/** Element Plus's namespace for this app; the SCSS in src/styles/element uses the same. */
export const ELEMENT_NAMESPACE = 'tts-el'

/**
 * The app's Element Plus ids (`el-id-<prefix>-<n>`), provided by the app at once (createLogsApp.ts)
 * and handed to Element Plus under its own key where its components are (elementScope.ts): one
 * counter per app, so two instances on one page never share an id.
 */
export const ELEMENT_IDS: InjectionKey<{ prefix: number; current: number }> = Symbol('tts-element-ids')
