import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`subscribers\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`email\` text NOT NULL,
  	\`locale\` text NOT NULL,
  	\`status\` text DEFAULT 'pending' NOT NULL,
  	\`frequency\` text DEFAULT 'daily' NOT NULL,
  	\`all_topics\` integer DEFAULT true,
  	\`urgent\` integer DEFAULT true,
  	\`consent_at\` text,
  	\`consent_form\` text,
  	\`consent_wording\` text,
  	\`consent_ip\` text,
  	\`confirmed_at\` text,
  	\`unsubscribed_at\` text,
  	\`bounce_count\` numeric DEFAULT 0,
  	\`last_bounce\` text,
  	\`digest_cursor\` text,
  	\`confirm_token_hash\` text,
  	\`confirm_token_expires\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`subscribers_email_idx\` ON \`subscribers\` (\`email\`);`)
  await db.run(sql`CREATE INDEX \`subscribers_status_idx\` ON \`subscribers\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`subscribers_unsubscribed_at_idx\` ON \`subscribers\` (\`unsubscribed_at\`);`)
  await db.run(sql`CREATE INDEX \`subscribers_confirm_token_hash_idx\` ON \`subscribers\` (\`confirm_token_hash\`);`)
  await db.run(sql`CREATE INDEX \`subscribers_updated_at_idx\` ON \`subscribers\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`subscribers_created_at_idx\` ON \`subscribers\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`status_frequency_idx\` ON \`subscribers\` (\`status\`,\`frequency\`);`)
  await db.run(sql`CREATE TABLE \`subscribers_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`topics_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`subscribers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`subscribers_rels_order_idx\` ON \`subscribers_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`subscribers_rels_parent_idx\` ON \`subscribers_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`subscribers_rels_path_idx\` ON \`subscribers_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`subscribers_rels_topics_id_idx\` ON \`subscribers_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE TABLE \`content_changes\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`title\` text,
  	\`kind\` text NOT NULL,
  	\`doc_collection\` text NOT NULL,
  	\`doc_id\` text NOT NULL,
  	\`urgent\` integer DEFAULT false,
  	\`topic_ids\` text,
  	\`entries\` text,
  	\`published_at\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`content_changes_key_idx\` ON \`content_changes\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`content_changes_published_at_idx\` ON \`content_changes\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`content_changes_updated_at_idx\` ON \`content_changes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`content_changes_created_at_idx\` ON \`content_changes\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`newsletter_runs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`key\` text NOT NULL,
  	\`kind\` text NOT NULL,
  	\`status\` text DEFAULT 'preparing' NOT NULL,
  	\`change_id\` integer,
  	\`cutoff\` text,
  	\`total\` numeric DEFAULT 0,
  	\`sent\` numeric DEFAULT 0,
  	\`pending\` numeric DEFAULT 0,
  	\`retrying\` numeric DEFAULT 0,
  	\`failed\` numeric DEFAULT 0,
  	\`skipped\` numeric DEFAULT 0,
  	\`finished_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`change_id\`) REFERENCES \`content_changes\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`newsletter_runs_key_idx\` ON \`newsletter_runs\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`newsletter_runs_change_idx\` ON \`newsletter_runs\` (\`change_id\`);`)
  await db.run(sql`CREATE INDEX \`newsletter_runs_updated_at_idx\` ON \`newsletter_runs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`newsletter_runs_created_at_idx\` ON \`newsletter_runs\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`email_outbox\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`kind\` text NOT NULL,
  	\`subscriber_id\` integer,
  	\`run_id\` integer,
  	\`items\` text,
  	\`status\` text DEFAULT 'queued' NOT NULL,
  	\`attempts\` numeric DEFAULT 0,
  	\`next_attempt_at\` text,
  	\`claimed_at\` text,
  	\`claimed_by\` text,
  	\`sent_at\` text,
  	\`message_id\` text,
  	\`last_error\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`subscriber_id\`) REFERENCES \`subscribers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`run_id\`) REFERENCES \`newsletter_runs\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`email_outbox_key_idx\` ON \`email_outbox\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`email_outbox_subscriber_idx\` ON \`email_outbox\` (\`subscriber_id\`);`)
  await db.run(sql`CREATE INDEX \`email_outbox_run_idx\` ON \`email_outbox\` (\`run_id\`);`)
  await db.run(sql`CREATE INDEX \`email_outbox_updated_at_idx\` ON \`email_outbox\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`email_outbox_created_at_idx\` ON \`email_outbox\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`status_nextAttemptAt_idx\` ON \`email_outbox\` (\`status\`,\`next_attempt_at\`);`)
  await db.run(sql`CREATE INDEX \`run_status_idx\` ON \`email_outbox\` (\`run_id\`,\`status\`);`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`notify_subscribers\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_notify_subscribers\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`guides\` ADD \`notify_subscribers\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_guides_v\` ADD \`version_notify_subscribers\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`leaflets\` ADD \`notify_subscribers\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_leaflets_v\` ADD \`version_notify_subscribers\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`consultations\` ADD \`notify_subscribers\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_consultations_v\` ADD \`version_notify_subscribers\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`subscribers_id\` integer REFERENCES subscribers(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`content_changes_id\` integer REFERENCES content_changes(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`newsletter_runs_id\` integer REFERENCES newsletter_runs(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`email_outbox_id\` integer REFERENCES email_outbox(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_subscribers_id_idx\` ON \`payload_locked_documents_rels\` (\`subscribers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_content_changes_id_idx\` ON \`payload_locked_documents_rels\` (\`content_changes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_newsletter_runs_id_idx\` ON \`payload_locked_documents_rels\` (\`newsletter_runs_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_email_outbox_id_idx\` ON \`payload_locked_documents_rels\` (\`email_outbox_id\`);`)
  await db.run(sql`ALTER TABLE \`settings\` ADD \`newsletter_from_address\` text;`)
  await db.run(sql`ALTER TABLE \`settings\` ADD \`newsletter_reply_to\` text;`)
  await db.run(sql`ALTER TABLE \`settings_locales\` ADD \`newsletter_from_name\` text;`)
  await db.run(sql`ALTER TABLE \`_settings_v\` ADD \`version_newsletter_from_address\` text;`)
  await db.run(sql`ALTER TABLE \`_settings_v\` ADD \`version_newsletter_reply_to\` text;`)
  await db.run(sql`ALTER TABLE \`_settings_v_locales\` ADD \`version_newsletter_from_name\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`subscribers\`;`)
  await db.run(sql`DROP TABLE \`subscribers_rels\`;`)
  await db.run(sql`DROP TABLE \`content_changes\`;`)
  await db.run(sql`DROP TABLE \`newsletter_runs\`;`)
  await db.run(sql`DROP TABLE \`email_outbox\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`news_id\` integer,
  	\`guides_id\` integer,
  	\`leaflets_id\` integer,
  	\`handbook_id\` integer,
  	\`services_id\` integer,
  	\`consultations_id\` integer,
  	\`pages_id\` integer,
  	\`topics_id\` integer,
  	\`alerts_id\` integer,
  	\`media_id\` integer,
  	\`documents_id\` integer,
  	\`users_id\` integer,
  	\`site_builds_id\` integer,
  	\`seed_records_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`news_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`guides_id\`) REFERENCES \`guides\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`leaflets_id\`) REFERENCES \`leaflets\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`handbook_id\`) REFERENCES \`handbook\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`services_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`consultations_id\`) REFERENCES \`consultations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pages_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`alerts_id\`) REFERENCES \`alerts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`documents_id\`) REFERENCES \`documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`site_builds_id\`) REFERENCES \`site_builds\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`seed_records_id\`) REFERENCES \`seed_records\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "news_id", "guides_id", "leaflets_id", "handbook_id", "services_id", "consultations_id", "pages_id", "topics_id", "alerts_id", "media_id", "documents_id", "users_id", "site_builds_id", "seed_records_id") SELECT "id", "order", "parent_id", "path", "news_id", "guides_id", "leaflets_id", "handbook_id", "services_id", "consultations_id", "pages_id", "topics_id", "alerts_id", "media_id", "documents_id", "users_id", "site_builds_id", "seed_records_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_news_id_idx\` ON \`payload_locked_documents_rels\` (\`news_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_guides_id_idx\` ON \`payload_locked_documents_rels\` (\`guides_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_leaflets_id_idx\` ON \`payload_locked_documents_rels\` (\`leaflets_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_handbook_id_idx\` ON \`payload_locked_documents_rels\` (\`handbook_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_services_id_idx\` ON \`payload_locked_documents_rels\` (\`services_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_consultations_id_idx\` ON \`payload_locked_documents_rels\` (\`consultations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_pages_id_idx\` ON \`payload_locked_documents_rels\` (\`pages_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_topics_id_idx\` ON \`payload_locked_documents_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_alerts_id_idx\` ON \`payload_locked_documents_rels\` (\`alerts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_documents_id_idx\` ON \`payload_locked_documents_rels\` (\`documents_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_site_builds_id_idx\` ON \`payload_locked_documents_rels\` (\`site_builds_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_seed_records_id_idx\` ON \`payload_locked_documents_rels\` (\`seed_records_id\`);`)
  await db.run(sql`ALTER TABLE \`news\` DROP COLUMN \`notify_subscribers\`;`)
  await db.run(sql`ALTER TABLE \`_news_v\` DROP COLUMN \`version_notify_subscribers\`;`)
  await db.run(sql`ALTER TABLE \`guides\` DROP COLUMN \`notify_subscribers\`;`)
  await db.run(sql`ALTER TABLE \`_guides_v\` DROP COLUMN \`version_notify_subscribers\`;`)
  await db.run(sql`ALTER TABLE \`leaflets\` DROP COLUMN \`notify_subscribers\`;`)
  await db.run(sql`ALTER TABLE \`_leaflets_v\` DROP COLUMN \`version_notify_subscribers\`;`)
  await db.run(sql`ALTER TABLE \`consultations\` DROP COLUMN \`notify_subscribers\`;`)
  await db.run(sql`ALTER TABLE \`_consultations_v\` DROP COLUMN \`version_notify_subscribers\`;`)
  await db.run(sql`ALTER TABLE \`settings\` DROP COLUMN \`newsletter_from_address\`;`)
  await db.run(sql`ALTER TABLE \`settings\` DROP COLUMN \`newsletter_reply_to\`;`)
  await db.run(sql`ALTER TABLE \`settings_locales\` DROP COLUMN \`newsletter_from_name\`;`)
  await db.run(sql`ALTER TABLE \`_settings_v\` DROP COLUMN \`version_newsletter_from_address\`;`)
  await db.run(sql`ALTER TABLE \`_settings_v\` DROP COLUMN \`version_newsletter_reply_to\`;`)
  await db.run(sql`ALTER TABLE \`_settings_v_locales\` DROP COLUMN \`version_newsletter_from_name\`;`)
}
