/** Element Plus's namespace for this app; the SCSS in src/styles/element uses the same. */
export const ELEMENT_NAMESPACE = 'tts-el'
