/**
 * The stream's media type, in a module of its own: the app's tiny entries name it in the first
 * request they start, before the columns format (and its schemas) has loaded.
 */
export const STREAM_CONTENT_TYPE = 'application/x-ndjson'
