/**
 * Who may read: with a secret (`LOGS_AUTH_SECRET`, or `--auth-secret-file`), every `/api/v1`
 * request carries `Authorization: Bearer <JWT>` minted by the Magento admin for the logged-in
 * admin user (docs/embedding.md): HS256 only, audience `tts-logs`, `sub` the admin, `exp` (60 s of
 * leeway), and `scope` the admin role's ACL resources, space-separated. Verified by `jose`.
 */
import { jwtVerify } from 'jose'
import type { LogKindName } from '../src/api/schemas.ts'

export const AUTH_AUDIENCE = 'tts-logs'
export const AUTH_REALM = 'tts-logs'
/** A secret shorter than this is refused (HS256 wants at least its hash's 32 bytes). */
export const MIN_SECRET_BYTES = 32

/** M2E's ACL resources (its controllers' `_isAllowed()`), and what each allows here. */
export const RESOURCES = {
  listing: 'M2E_TikTokShop::listings_logs',
  order: 'M2E_TikTokShop::sales_logs',
  synchronization: 'M2E_TikTokShop::help_center_synchronization_log',
  settings: 'M2E_TikTokShop::configuration_settings',
} as const satisfies Record<LogKindName | 'settings', string>

/** The admin a request speaks for, and what the admin's role allows. */
export interface Identity {
  sub: string
  scopes: ReadonlySet<string>
}

/** Without a secret: nobody in particular, allowed everything (the preview on loopback). */
export const OPEN: Identity = { sub: '', scopes: new Set(Object.values(RESOURCES)) }

/** A refusal: 401 (no usable token) or 403 (a token whose scope does not allow the request). */
export class AuthError extends Error {
  constructor(
    readonly status: 401 | 403,
    readonly header: string,
    message: string,
  ) {
    super(message)
  }
}

/** The secret as bytes, or why it cannot be used. */
export function authSecret(value: string | undefined): Uint8Array | undefined {
  if (value === undefined || value === '') return undefined
  const bytes = new TextEncoder().encode(value.replace(/\r?\n$/, ''))
  if (bytes.length < MIN_SECRET_BYTES) {
    throw new Error(`LOGS_AUTH_SECRET must be at least ${MIN_SECRET_BYTES} bytes long (got ${bytes.length})`)
  }
  return bytes
}

/** The identity a request's `Authorization` header proves; throws AuthError (401) when it proves none. */
export async function verifyRequest(authorization: string | undefined, secret: Uint8Array): Promise<Identity> {
  const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(authorization?.trim() ?? '')
  if (!authorization) {
    throw new AuthError(401, `Bearer realm="${AUTH_REALM}"`, 'a bearer token is required')
  }
  const invalid = (why: string) =>
    new AuthError(401, `Bearer realm="${AUTH_REALM}", error="invalid_token"`, `the token is not valid: ${why}`)
  if (!match) throw invalid('not a bearer JWT')
  try {
    const { payload } = await jwtVerify(match[1]!, secret, {
      algorithms: ['HS256'],
      audience: AUTH_AUDIENCE,
      clockTolerance: 60,
      requiredClaims: ['sub', 'exp'],
    })
    if (typeof payload.sub !== 'string' || payload.sub === '') throw invalid('no sub')
    const scope = typeof payload.scope === 'string' ? payload.scope : ''
    return { sub: payload.sub, scopes: new Set(scope.split(' ').filter(Boolean)) }
  } catch (error) {
    if (error instanceof AuthError) throw error
    // jose's codes say why (expired, signature, audience, algorithm); the client is told in words.
    const code = (error as { code?: string }).code ?? 'ERR_JWT_INVALID'
    throw invalid(code === 'ERR_JWT_EXPIRED' ? 'expired' : code.replace(/^ERR_/, '').toLowerCase())
  }
}

/** Throws 403 unless the identity holds one of the resources. */
export function requireScope(identity: Identity, resources: readonly string[]) {
  if (resources.some((resource) => identity.scopes.has(resource))) return
  throw new AuthError(
    403,
    `Bearer realm="${AUTH_REALM}", error="insufficient_scope", scope="${resources.join(' ')}"`,
    `this admin's role does not allow it: it needs ${resources.join(' or ')}`,
  )
}

/** What an identity may read and change, per log and the settings (meta's `access`). */
export function accessOf(identity: Identity): Record<LogKindName | 'settings', boolean> {
  return {
    listing: identity.scopes.has(RESOURCES.listing),
    order: identity.scopes.has(RESOURCES.order),
    synchronization: identity.scopes.has(RESOURCES.synchronization),
    settings: identity.scopes.has(RESOURCES.settings),
  }
}
