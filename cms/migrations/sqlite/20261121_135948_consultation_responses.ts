import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`consultations_questions_options\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`consultations_questions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`consultations_questions_options_order_idx\` ON \`consultations_questions_options\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`consultations_questions_options_parent_id_idx\` ON \`consultations_questions_options\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`consultations_questions_options_locales\` (
  	\`label\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`consultations_questions_options\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`consultations_questions_options_locales_locale_parent_id_uni\` ON \`consultations_questions_options_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`consultations_questions_options_locales_parent_idx\` ON \`consultations_questions_options_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`consultations_questions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`type\` text DEFAULT 'text',
  	\`required\` integer DEFAULT false,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`consultations\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`consultations_questions_order_idx\` ON \`consultations_questions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`consultations_questions_parent_id_idx\` ON \`consultations_questions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`consultations_questions_locales\` (
  	\`label\` text,
  	\`help\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`consultations_questions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`consultations_questions_locales_locale_parent_id_unique\` ON \`consultations_questions_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`consultations_questions_locales_parent_idx\` ON \`consultations_questions_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`consultations_outcome_what_you_said\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`consultations\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`consultations_outcome_what_you_said_order_idx\` ON \`consultations_outcome_what_you_said\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`consultations_outcome_what_you_said_parent_id_idx\` ON \`consultations_outcome_what_you_said\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`consultations_outcome_what_you_said_locales\` (
  	\`said\` text,
  	\`did\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`consultations_outcome_what_you_said\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`consultations_outcome_what_you_said_locales_locale_parent_id\` ON \`consultations_outcome_what_you_said_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`consultations_outcome_what_you_said_locales_parent_idx\` ON \`consultations_outcome_what_you_said_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_consultations_v_version_questions_options\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_consultations_v_version_questions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_consultations_v_version_questions_options_order_idx\` ON \`_consultations_v_version_questions_options\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_consultations_v_version_questions_options_parent_id_idx\` ON \`_consultations_v_version_questions_options\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_consultations_v_version_questions_options_locales\` (
  	\`label\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_consultations_v_version_questions_options\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_consultations_v_version_questions_options_locales_locale_pa\` ON \`_consultations_v_version_questions_options_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_consultations_v_version_questions_options_locales_parent_idx\` ON \`_consultations_v_version_questions_options_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_consultations_v_version_questions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`type\` text DEFAULT 'text',
  	\`required\` integer DEFAULT false,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_consultations_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_consultations_v_version_questions_order_idx\` ON \`_consultations_v_version_questions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_consultations_v_version_questions_parent_id_idx\` ON \`_consultations_v_version_questions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_consultations_v_version_questions_locales\` (
  	\`label\` text,
  	\`help\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_consultations_v_version_questions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_consultations_v_version_questions_locales_locale_parent_id_\` ON \`_consultations_v_version_questions_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_consultations_v_version_questions_locales_parent_idx\` ON \`_consultations_v_version_questions_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_consultations_v_version_outcome_what_you_said\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_consultations_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_consultations_v_version_outcome_what_you_said_order_idx\` ON \`_consultations_v_version_outcome_what_you_said\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_consultations_v_version_outcome_what_you_said_parent_id_idx\` ON \`_consultations_v_version_outcome_what_you_said\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_consultations_v_version_outcome_what_you_said_locales\` (
  	\`said\` text,
  	\`did\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_consultations_v_version_outcome_what_you_said\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_consultations_v_version_outcome_what_you_said_locales_local\` ON \`_consultations_v_version_outcome_what_you_said_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_consultations_v_version_outcome_what_you_said_locales_parent_idx\` ON \`_consultations_v_version_outcome_what_you_said_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`consultation_responses\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`reference\` text NOT NULL,
  	\`consultation_id\` integer NOT NULL,
  	\`status\` text DEFAULT 'new' NOT NULL,
  	\`publish_quote\` integer DEFAULT false,
  	\`quote\` text,
  	\`locale\` text,
  	\`answers\` text,
  	\`name\` text,
  	\`email\` text,
  	\`organisation\` text,
  	\`consent_wording\` text,
  	\`submitted_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`consultation_id\`) REFERENCES \`consultations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`consultation_responses_reference_idx\` ON \`consultation_responses\` (\`reference\`);`)
  await db.run(sql`CREATE INDEX \`consultation_responses_consultation_idx\` ON \`consultation_responses\` (\`consultation_id\`);`)
  await db.run(sql`CREATE INDEX \`consultation_responses_updated_at_idx\` ON \`consultation_responses\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`consultation_responses_created_at_idx\` ON \`consultation_responses\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`consultation_status_idx\` ON \`consultation_responses\` (\`consultation_id\`,\`status\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`consultation_responses_id\` integer REFERENCES consultation_responses(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_consultation_responses_id_idx\` ON \`payload_locked_documents_rels\` (\`consultation_responses_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`consultations_questions_options\`;`)
  await db.run(sql`DROP TABLE \`consultations_questions_options_locales\`;`)
  await db.run(sql`DROP TABLE \`consultations_questions\`;`)
  await db.run(sql`DROP TABLE \`consultations_questions_locales\`;`)
  await db.run(sql`DROP TABLE \`consultations_outcome_what_you_said\`;`)
  await db.run(sql`DROP TABLE \`consultations_outcome_what_you_said_locales\`;`)
  await db.run(sql`DROP TABLE \`_consultations_v_version_questions_options\`;`)
  await db.run(sql`DROP TABLE \`_consultations_v_version_questions_options_locales\`;`)
  await db.run(sql`DROP TABLE \`_consultations_v_version_questions\`;`)
  await db.run(sql`DROP TABLE \`_consultations_v_version_questions_locales\`;`)
  await db.run(sql`DROP TABLE \`_consultations_v_version_outcome_what_you_said\`;`)
  await db.run(sql`DROP TABLE \`_consultations_v_version_outcome_what_you_said_locales\`;`)
  await db.run(sql`DROP TABLE \`consultation_responses\`;`)
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
  	\`subscribers_id\` integer,
  	\`content_changes_id\` integer,
  	\`newsletter_runs_id\` integer,
  	\`email_outbox_id\` integer,
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
  	FOREIGN KEY (\`subscribers_id\`) REFERENCES \`subscribers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`content_changes_id\`) REFERENCES \`content_changes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`newsletter_runs_id\`) REFERENCES \`newsletter_runs\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`email_outbox_id\`) REFERENCES \`email_outbox\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`seed_records_id\`) REFERENCES \`seed_records\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "news_id", "guides_id", "leaflets_id", "handbook_id", "services_id", "consultations_id", "pages_id", "topics_id", "alerts_id", "media_id", "documents_id", "users_id", "site_builds_id", "subscribers_id", "content_changes_id", "newsletter_runs_id", "email_outbox_id", "seed_records_id") SELECT "id", "order", "parent_id", "path", "news_id", "guides_id", "leaflets_id", "handbook_id", "services_id", "consultations_id", "pages_id", "topics_id", "alerts_id", "media_id", "documents_id", "users_id", "site_builds_id", "subscribers_id", "content_changes_id", "newsletter_runs_id", "email_outbox_id", "seed_records_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_subscribers_id_idx\` ON \`payload_locked_documents_rels\` (\`subscribers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_content_changes_id_idx\` ON \`payload_locked_documents_rels\` (\`content_changes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_newsletter_runs_id_idx\` ON \`payload_locked_documents_rels\` (\`newsletter_runs_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_email_outbox_id_idx\` ON \`payload_locked_documents_rels\` (\`email_outbox_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_seed_records_id_idx\` ON \`payload_locked_documents_rels\` (\`seed_records_id\`);`)
}
