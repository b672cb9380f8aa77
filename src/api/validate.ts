/** Checking a response against a shared schema, with reasons a person can read. */
import type { z } from 'zod/mini'
import { ApiError } from '@/api/errors'

export function describeIssues(error: z.core.$ZodError): string[] {
  return error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`)
}

/** The data, if `schema` holds; else an ApiError ('bad-response') saying what was wrong. */
export function validate<T>(schema: z.ZodMiniType<T>, data: unknown, what: string): T {
  const parsed = schema.safeParse(data)
  if (!parsed.success) {
    const looksLikeHtml = typeof data === 'string' && /^\s*</.test(data)
    throw new ApiError(
      'bad-response',
      looksLikeHtml
        ? `The server sent a web page instead of ${what}.`
        : `The server sent ${what} in an unexpected shape (${describeIssues(parsed.error).join('; ')}).`,
    )
  }
  return parsed.data
}
