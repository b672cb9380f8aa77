/**
 * Polish, loaded the first time it is chosen (its own chunk where the build splits code): the
 * app's texts and Element Plus's, with dayjs's Polish week for the date picker.
 */
export { default as messages } from '@/locales/pl_PL'
export { elementPolish as element } from '@/locales/elementPlus'
