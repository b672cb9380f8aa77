/**
 * M2E TikTok Shop's own tables (version 2.12), as `../shared/m2e-schema.md` describes them, for
 * the MySQL/MariaDB store: their names under a Magento table prefix, and the DDL the demo seed
 * and the tests create them with. A real store already has them; nothing here alters one.
 */

/** A Magento table prefix: letters, digits and underscores only (it becomes part of identifiers). */
export const TABLE_PREFIX_PATTERN = /^[A-Za-z0-9_]{0,32}$/

export interface M2eTables {
  listingLog: string
  orderLog: string
  synchronizationLog: string
  account: string
  shop: string
  listing: string
  order: string
  salesOrder: string
  config: string
}

/** The tables' names, quoted, under `prefix` (the `m2e_tts_` part is always there). */
export function m2eTables(prefix = ''): M2eTables {
  if (!TABLE_PREFIX_PATTERN.test(prefix)) {
    throw new Error(`the table prefix may hold letters, digits and underscores only (up to 32), got "${prefix}"`)
  }
  const name = (table: string) => `\`${prefix}${table}\``
  return {
    listingLog: name('m2e_tts_listing_log'),
    orderLog: name('m2e_tts_order_log'),
    synchronizationLog: name('m2e_tts_synchronization_log'),
    account: name('m2e_tts_account'),
    shop: name('m2e_tts_shop'),
    listing: name('m2e_tts_listing'),
    order: name('m2e_tts_order'),
    salesOrder: name('sales_order'),
    config: name('m2e_core_config'),
  }
}

/** Secondary indexes of the three logs, as M2E creates them (the order log has none on create_date). */
export const LOG_INDEXES = {
  listingLog: [
    'action',
    'action_id',
    'initiator',
    'listing_id',
    'listing_product_id',
    'listing_title',
    'product_id',
    'product_title',
    'type',
    'account_id',
    'shop_id',
    'create_date',
  ],
  orderLog: ['account_id', 'shop_id', 'order_id'],
  synchronizationLog: ['initiator', 'task', 'operation_history_id', 'type', 'create_date'],
} as const
export type LogTable = keyof typeof LOG_INDEXES

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8'

/** The three logs' columns (without indexes: see `indexDdl`). */
const LOG_COLUMNS: Record<LogTable, string> = {
  listingLog: `
    id INT UNSIGNED NOT NULL AUTO_INCREMENT,
    account_id INT UNSIGNED NOT NULL,
    shop_id INT UNSIGNED NOT NULL,
    listing_id INT UNSIGNED NOT NULL,
    product_id INT UNSIGNED NULL,
    listing_product_id INT UNSIGNED NULL,
    listing_title VARCHAR(255) NULL,
    product_title VARCHAR(255) NULL,
    action_id INT UNSIGNED NOT NULL,
    action SMALLINT UNSIGNED NOT NULL DEFAULT 1,
    initiator SMALLINT UNSIGNED NOT NULL DEFAULT 0,
    type SMALLINT UNSIGNED NOT NULL DEFAULT 1,
    description TEXT NULL,
    additional_data LONGTEXT NULL,
    create_date DATETIME NULL,
    PRIMARY KEY (id)`,
  orderLog: `
    id INT UNSIGNED NOT NULL AUTO_INCREMENT,
    account_id INT UNSIGNED NOT NULL,
    shop_id INT UNSIGNED NOT NULL,
    order_id INT UNSIGNED NOT NULL,
    type SMALLINT UNSIGNED NOT NULL DEFAULT 2,
    initiator SMALLINT UNSIGNED NOT NULL DEFAULT 2,
    description TEXT,
    additional_data VARBINARY(2048),
    create_date DATETIME,
    PRIMARY KEY (id)`,
  synchronizationLog: `
    id INT UNSIGNED NOT NULL AUTO_INCREMENT,
    operation_history_id INT UNSIGNED NULL,
    task SMALLINT UNSIGNED NOT NULL DEFAULT 0,
    initiator SMALLINT UNSIGNED NOT NULL DEFAULT 0,
    type SMALLINT UNSIGNED NOT NULL DEFAULT 1,
    description TEXT NULL,
    detailed_description LONGTEXT NULL,
    additional_data LONGTEXT NULL,
    create_date DATETIME NULL,
    PRIMARY KEY (id)`,
}

/** `CREATE TABLE IF NOT EXISTS` for a log; `withIndexes: false` leaves them for `indexDdl` (a bulk load). */
export function logTableDdl(tables: M2eTables, log: LogTable, withIndexes = true): string {
  const indexes = withIndexes ? LOG_INDEXES[log].map((column) => `,\n    INDEX ${column} (${column})`).join('') : ''
  return `CREATE TABLE IF NOT EXISTS ${tables[log]} (${LOG_COLUMNS[log]}${indexes}\n) ${TABLE_OPTIONS}`
}

/** Adds a log's secondary indexes in one statement (one sorted build each, after a bulk load). */
export function indexDdl(tables: M2eTables, log: LogTable): string {
  return `ALTER TABLE ${tables[log]} ${LOG_INDEXES[log].map((column) => `ADD INDEX ${column} (${column})`).join(', ')}`
}

/** The other tables the pages read (only the columns they read, and what those need). */
export function supportTablesDdl(tables: M2eTables): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ${tables.account} (
    id INT UNSIGNED NOT NULL AUTO_INCREMENT,
    title VARCHAR(255) NOT NULL,
    seller_name VARCHAR(255) NULL,
    open_id VARCHAR(255) NULL,
    create_date DATETIME NULL,
    update_date DATETIME NULL,
    PRIMARY KEY (id)
  ) ${TABLE_OPTIONS}`,
    `CREATE TABLE IF NOT EXISTS ${tables.shop} (
    id INT UNSIGNED NOT NULL AUTO_INCREMENT,
    account_id INT UNSIGNED NOT NULL,
    shop_id VARCHAR(255) NOT NULL,
    shop_name VARCHAR(255) NOT NULL,
    region VARCHAR(16) NOT NULL,
    type SMALLINT UNSIGNED NOT NULL DEFAULT 1,
    PRIMARY KEY (id),
    INDEX account_id (account_id)
  ) ${TABLE_OPTIONS}`,
    `CREATE TABLE IF NOT EXISTS ${tables.listing} (
    id INT UNSIGNED NOT NULL AUTO_INCREMENT,
    title VARCHAR(255) NOT NULL,
    account_id INT UNSIGNED NOT NULL,
    shop_id INT UNSIGNED NOT NULL,
    PRIMARY KEY (id)
  ) ${TABLE_OPTIONS}`,
    `CREATE TABLE IF NOT EXISTS ${tables.order} (
    id INT UNSIGNED NOT NULL AUTO_INCREMENT,
    account_id INT UNSIGNED NOT NULL,
    shop_id INT UNSIGNED NOT NULL,
    tts_order_id VARCHAR(255) NOT NULL,
    magento_order_id INT UNSIGNED NULL,
    PRIMARY KEY (id),
    INDEX magento_order_id (magento_order_id)
  ) ${TABLE_OPTIONS}`,
    `CREATE TABLE IF NOT EXISTS ${tables.salesOrder} (
    entity_id INT UNSIGNED NOT NULL AUTO_INCREMENT,
    increment_id VARCHAR(32) NULL,
    PRIMARY KEY (entity_id)
  ) ${TABLE_OPTIONS}`,
    `CREATE TABLE IF NOT EXISTS ${tables.config} (
    id INT UNSIGNED NOT NULL AUTO_INCREMENT,
    extension_name VARCHAR(255) NOT NULL,
    \`group\` VARCHAR(255) NULL,
    \`key\` VARCHAR(255) NOT NULL,
    value TEXT NULL,
    update_date DATETIME NULL,
    create_date DATETIME NULL,
    PRIMARY KEY (id),
    INDEX extension_group_key (extension_name, \`group\`, \`key\`)
  ) ${TABLE_OPTIONS}`,
  ]
}

/** `m2e_core_config` groups of the Logs Clearing settings, per log. */
export const CLEARING_GROUPS = {
  listing: '/logs/clearing/listings/',
  order: '/logs/clearing/orders/',
  synchronization: '/logs/clearing/synchronizations/',
} as const
export const CONFIG_EXTENSION = 'TikTokShop'
