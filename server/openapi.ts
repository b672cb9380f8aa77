/**
 * Builds the OpenAPI 3.1 document of the log API from the shared zod schemas, so the document
 * the Magento side implements can never drift from what the client validates.
 */
import { z } from 'zod'
import { NARROWING_FIELDS, narrowingFields, type NarrowingField } from '../src/api/fields.ts'
import {
  ApiErrorBodySchema,
  DeleteLogsResponseSchema,
  LogPageSchema,
  LogQuerySchema,
  LogSummaryQuerySchema,
  LogSummarySchema,
  LOG_KIND_VALUES,
  LogsClearingSettingsSchema,
  MetaSchema,
  NewRecordSchemas,
  PostLogsResponseSchema,
  RecordSchemas,
} from '../src/api/schemas.ts'

const schema = (s: z.core.$ZodType, io: 'input' | 'output' = 'output') => {
  const generated: Record<string, unknown> = z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' })
  // Inside an OpenAPI document the dialect is set once, not per schema.
  delete generated.$schema
  return generated
}

const json = (ref: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } })
const errorResponse = (description: string) => ({ description, content: json('Error') })

/** The logs a narrowing field applies to, from the field list: "Listing and order logs." */
function narrowingNote(name: NarrowingField): string {
  const logs = LOG_KIND_VALUES.filter((kind) => narrowingFields(kind).includes(name)).join(' and ')
  return `${logs[0]!.toUpperCase()}${logs.slice(1)} ${logs.includes(' and ') ? 'logs' : 'log'}.`
}

export function buildOpenApi() {
  const kinds = ['listing', 'order', 'synchronization'] as const
  const queryParams = Object.entries(LogQuerySchema.shape).map(([name, field]) => ({
    name,
    in: 'query',
    required: false,
    description: (
      {
        limit: 'Records per page, 1-10000 (default 1000).',
        cursor: "Opaque cursor from the previous page's nextCursor.",
        from: 'Only records created at or after this time (ISO 8601 UTC).',
        to: 'Only records created at or before this time (ISO 8601 UTC).',
        ...Object.fromEntries(NARROWING_FIELDS.map((name) => [name, narrowingNote(name)])),
        afterId: 'Only records with a greater id: what arrived since the newest record held.',
        form_key: 'Magento admin CSRF token; accepted and ignored where not needed.',
        format:
          'rows (default): items, one object per record. columns: the compact ColumnsPage (src/api/columns.ts) for loading whole logs; columns-stream: the whole log from the cursor on in one response (application/x-ndjson), one ColumnsPage per line, then a last line {end: true, count: N}; limit is then the size of the first line. A server without one of them may ignore or refuse the key, and the client then pages (columns, then rows).',
      } as Record<string, string>
    )[name],
    schema: schema(field as z.core.$ZodType),
  }))
  const summaryParams = Object.entries(LogSummaryQuerySchema.shape).map(([name, field]) => ({
    name,
    in: 'query',
    required: false,
    description: queryParams.find((p) => p.name === name)?.description,
    schema: schema(field as z.core.$ZodType),
  }))
  const kindParam = { name: 'kind', in: 'path', required: true, schema: { type: 'string', enum: [...kinds] } }

  return {
    openapi: '3.1.0',
    info: {
      title: 'TikTok Shop Logs & Events API',
      version: '1.0.0',
      description:
        'The log API the Logs & Events micro-frontend reads. Served by the M2E TikTok Shop Magento module in production and by the SQLite preview backend in development. Generated from src/api/schemas.ts by `npm run openapi`.',
    },
    servers: [{ url: '/api/v1' }],
    // A server started with a secret needs the admin's token on every request; one without
    // (the preview on loopback) needs none.
    security: [{ adminToken: [] }, {}],
    paths: {
      '/meta': {
        get: {
          summary: 'Accounts with their shops',
          responses: { 200: { description: 'Accounts', content: json('Meta') } },
        },
      },
      '/logs/{kind}/summary': {
        parameters: [kindParam],
        get: {
          summary: "The whole log's shape under the server-side filters: its total and counts per UTC hour and type",
          parameters: summaryParams,
          responses: {
            200: {
              description:
                'total counts the matching records; hours holds [hourStartMs, type, count], oldest first, hours without records left out. The pages draw a log larger than they hold from it.',
              content: json('LogSummary'),
            },
            400: errorResponse(
              'Unknown param (a summary takes no limit, cursor, format or afterId), wrong type, filter of another log',
            ),
            404: errorResponse('Unknown kind'),
          },
        },
      },
      '/logs/{kind}': {
        parameters: [kindParam],
        get: {
          summary: 'A page of log records, newest first (create date, then id)',
          parameters: queryParams,
          responses: {
            200: {
              description:
                "A page. items hold records of the kind's schema (ListingRecord, OrderRecord or SynchronizationRecord); nextCursor is null on the last page; totalEstimate (first page only) counts every matching record.",
              content: {
                'application/json': {
                  schema: {
                    oneOf: [{ $ref: '#/components/schemas/LogPage' }, { $ref: '#/components/schemas/ColumnsPage' }],
                  },
                },
              },
            },
            400: errorResponse('Unknown param, wrong type, limit out of range, filter of another log, bad cursor'),
            404: errorResponse('Unknown kind'),
          },
        },
        post: {
          summary: 'Store records (all or none)',
          requestBody: {
            required: true,
            description: 'Records of the kind, without id. At most 5 MB.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  additionalProperties: false,
                  properties: {
                    items: {
                      type: 'array',
                      minItems: 1,
                      items: {
                        oneOf: kinds.map((k) => ({
                          $ref: `#/components/schemas/New${k[0]!.toUpperCase()}${k.slice(1)}Record`,
                        })),
                      },
                    },
                  },
                },
              },
            },
          },
          responses: {
            201: { description: 'The new ids, in the order given', content: json('PostLogsResponse') },
            400: errorResponse('Malformed body or an invalid record (nothing stored)'),
            413: errorResponse('Body over 5 MB'),
          },
        },
        delete: {
          summary: 'Clear All (listing and synchronization logs only)',
          responses: {
            200: { description: 'How many records were deleted', content: json('DeleteLogsResponse') },
            405: errorResponse('The order log cannot be cleared'),
          },
        },
      },
      '/settings/logs-clearing': {
        get: {
          summary: 'Logs Clearing settings',
          responses: { 200: { description: 'Settings', content: json('LogsClearingSettings') } },
        },
        put: {
          summary: 'Save Logs Clearing settings (keepDays 14-90)',
          requestBody: { required: true, content: json('LogsClearingSettings') },
          responses: {
            200: { description: 'The saved settings', content: json('LogsClearingSettings') },
            400: errorResponse('Invalid settings'),
          },
        },
      },
    },
    components: components(),
  }
}

/** The document's components: the security scheme and every schema the paths name. */
function components() {
  return {
    securitySchemes: {
      adminToken: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description:
          'The logged-in admin\'s token, minted by the Magento admin (docs/embedding.md): HS256, aud tts-logs, sub, exp (60 s of leeway), scope = the admin role\'s M2E ACL resources, space-separated. Without a usable token: 401 with WWW-Authenticate (error="invalid_token" where one was sent); a scope that does not allow the request: 403 with error="insufficient_scope". Each log needs its own resource (M2E_TikTokShop::listings_logs, ::sales_logs, ::help_center_synchronization_log), its Clear All too; meta needs any one of them; changing the settings needs ::configuration_settings.',
      },
    },
    schemas: {
      Meta: schema(MetaSchema),
      LogPage: schema(LogPageSchema),
      LogSummary: schema(LogSummarySchema),
      ColumnsPage: {
        type: 'object',
        description:
          "format=columns: one entry per field of the kind's record schema in columns. id, createDate (ms since 1970 UTC) and actionId as {delta: [first, differences…]}; other numbers as {values: [...]} (null where the field is nullable); strings as {dict: [distinct strings or null], codes: [index per record]}. Every column has count entries.",
        required: ['format', 'count', 'columns', 'nextCursor'],
        properties: {
          format: { const: 'columns' },
          count: { type: 'integer', minimum: 0 },
          columns: { type: 'object', additionalProperties: { type: 'object' } },
          nextCursor: { type: ['string', 'null'] },
          totalEstimate: { type: ['integer', 'null'], minimum: 0 },
        },
      },
      ListingRecord: schema(RecordSchemas.listing),
      OrderRecord: schema(RecordSchemas.order),
      SynchronizationRecord: schema(RecordSchemas.synchronization),
      NewListingRecord: schema(NewRecordSchemas.listing),
      NewOrderRecord: schema(NewRecordSchemas.order),
      NewSynchronizationRecord: schema(NewRecordSchemas.synchronization),
      PostLogsResponse: schema(PostLogsResponseSchema),
      DeleteLogsResponse: schema(DeleteLogsResponseSchema),
      LogsClearingSettings: schema(LogsClearingSettingsSchema),
      Error: schema(ApiErrorBodySchema),
    },
  }
}

export const OPENAPI_FILE = 'public/openapi.json'
export const renderOpenApi = () => `${JSON.stringify(buildOpenApi(), null, 2)}\n`
