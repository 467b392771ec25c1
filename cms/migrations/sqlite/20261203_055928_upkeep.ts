import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`news\` ADD \`content_owner_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`review_by\` text;`)
  await db.run(sql`CREATE INDEX \`news_content_owner_idx\` ON \`news\` (\`content_owner_id\`);`)
  await db.run(sql`CREATE INDEX \`news_review_by_idx\` ON \`news\` (\`review_by\`);`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_content_owner_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_review_by\` text;`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_content_owner_idx\` ON \`_news_v\` (\`version_content_owner_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_review_by_idx\` ON \`_news_v\` (\`version_review_by\`);`)
  await db.run(sql`ALTER TABLE \`guides\` ADD \`content_owner_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`guides\` ADD \`review_by\` text;`)
  await db.run(sql`CREATE INDEX \`guides_content_owner_idx\` ON \`guides\` (\`content_owner_id\`);`)
  await db.run(sql`CREATE INDEX \`guides_review_by_idx\` ON \`guides\` (\`review_by\`);`)
  await db.run(sql`ALTER TABLE \`_guides_v\` ADD \`version_content_owner_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_guides_v\` ADD \`version_review_by\` text;`)
  await db.run(sql`CREATE INDEX \`_guides_v_version_version_content_owner_idx\` ON \`_guides_v\` (\`version_content_owner_id\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_version_version_review_by_idx\` ON \`_guides_v\` (\`version_review_by\`);`)
  await db.run(sql`ALTER TABLE \`leaflets\` ADD \`content_owner_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`leaflets\` ADD \`review_by\` text;`)
  await db.run(sql`CREATE INDEX \`leaflets_content_owner_idx\` ON \`leaflets\` (\`content_owner_id\`);`)
  await db.run(sql`CREATE INDEX \`leaflets_review_by_idx\` ON \`leaflets\` (\`review_by\`);`)
  await db.run(sql`ALTER TABLE \`_leaflets_v\` ADD \`version_content_owner_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_leaflets_v\` ADD \`version_review_by\` text;`)
  await db.run(sql`CREATE INDEX \`_leaflets_v_version_version_content_owner_idx\` ON \`_leaflets_v\` (\`version_content_owner_id\`);`)
  await db.run(sql`CREATE INDEX \`_leaflets_v_version_version_review_by_idx\` ON \`_leaflets_v\` (\`version_review_by\`);`)
  await db.run(sql`ALTER TABLE \`handbook\` ADD \`content_owner_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`handbook\` ADD \`review_by\` text;`)
  await db.run(sql`CREATE INDEX \`handbook_content_owner_idx\` ON \`handbook\` (\`content_owner_id\`);`)
  await db.run(sql`CREATE INDEX \`handbook_review_by_idx\` ON \`handbook\` (\`review_by\`);`)
  await db.run(sql`ALTER TABLE \`_handbook_v\` ADD \`version_content_owner_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_handbook_v\` ADD \`version_review_by\` text;`)
  await db.run(sql`CREATE INDEX \`_handbook_v_version_version_content_owner_idx\` ON \`_handbook_v\` (\`version_content_owner_id\`);`)
  await db.run(sql`CREATE INDEX \`_handbook_v_version_version_review_by_idx\` ON \`_handbook_v\` (\`version_review_by\`);`)
  await db.run(sql`ALTER TABLE \`services\` ADD \`content_owner_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`services\` ADD \`review_by\` text;`)
  await db.run(sql`CREATE INDEX \`services_content_owner_idx\` ON \`services\` (\`content_owner_id\`);`)
  await db.run(sql`CREATE INDEX \`services_review_by_idx\` ON \`services\` (\`review_by\`);`)
  await db.run(sql`ALTER TABLE \`_services_v\` ADD \`version_content_owner_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_services_v\` ADD \`version_review_by\` text;`)
  await db.run(sql`CREATE INDEX \`_services_v_version_version_content_owner_idx\` ON \`_services_v\` (\`version_content_owner_id\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_version_version_review_by_idx\` ON \`_services_v\` (\`version_review_by\`);`)
  await db.run(sql`ALTER TABLE \`consultations\` ADD \`content_owner_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`consultations\` ADD \`review_by\` text;`)
  await db.run(sql`CREATE INDEX \`consultations_content_owner_idx\` ON \`consultations\` (\`content_owner_id\`);`)
  await db.run(sql`CREATE INDEX \`consultations_review_by_idx\` ON \`consultations\` (\`review_by\`);`)
  await db.run(sql`ALTER TABLE \`_consultations_v\` ADD \`version_content_owner_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_consultations_v\` ADD \`version_review_by\` text;`)
  await db.run(sql`CREATE INDEX \`_consultations_v_version_version_content_owner_idx\` ON \`_consultations_v\` (\`version_content_owner_id\`);`)
  await db.run(sql`CREATE INDEX \`_consultations_v_version_version_review_by_idx\` ON \`_consultations_v\` (\`version_review_by\`);`)
  await db.run(sql`ALTER TABLE \`pages\` ADD \`content_owner_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`pages\` ADD \`review_by\` text;`)
  await db.run(sql`CREATE INDEX \`pages_content_owner_idx\` ON \`pages\` (\`content_owner_id\`);`)
  await db.run(sql`CREATE INDEX \`pages_review_by_idx\` ON \`pages\` (\`review_by\`);`)
  await db.run(sql`ALTER TABLE \`_pages_v\` ADD \`version_content_owner_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_pages_v\` ADD \`version_review_by\` text;`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_content_owner_idx\` ON \`_pages_v\` (\`version_content_owner_id\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_review_by_idx\` ON \`_pages_v\` (\`version_review_by\`);`)
  await db.run(sql`ALTER TABLE \`topics\` ADD \`content_owner_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`topics\` ADD \`review_by\` text;`)
  await db.run(sql`CREATE INDEX \`topics_content_owner_idx\` ON \`topics\` (\`content_owner_id\`);`)
  await db.run(sql`CREATE INDEX \`topics_review_by_idx\` ON \`topics\` (\`review_by\`);`)
  await db.run(sql`ALTER TABLE \`_topics_v\` ADD \`version_content_owner_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_topics_v\` ADD \`version_review_by\` text;`)
  await db.run(sql`CREATE INDEX \`_topics_v_version_version_content_owner_idx\` ON \`_topics_v\` (\`version_content_owner_id\`);`)
  await db.run(sql`CREATE INDEX \`_topics_v_version_version_review_by_idx\` ON \`_topics_v\` (\`version_review_by\`);`)
  await db.run(sql`ALTER TABLE \`alerts\` ADD \`content_owner_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`alerts\` ADD \`review_by\` text;`)
  await db.run(sql`CREATE INDEX \`alerts_content_owner_idx\` ON \`alerts\` (\`content_owner_id\`);`)
  await db.run(sql`CREATE INDEX \`alerts_review_by_idx\` ON \`alerts\` (\`review_by\`);`)
  await db.run(sql`ALTER TABLE \`_alerts_v\` ADD \`version_content_owner_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_alerts_v\` ADD \`version_review_by\` text;`)
  await db.run(sql`CREATE INDEX \`_alerts_v_version_version_content_owner_idx\` ON \`_alerts_v\` (\`version_content_owner_id\`);`)
  await db.run(sql`CREATE INDEX \`_alerts_v_version_version_review_by_idx\` ON \`_alerts_v\` (\`version_review_by\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_news\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`hero_image_id\` integer,
  	\`published_at\` text,
  	\`urgent\` integer DEFAULT false,
  	\`internal_note\` text,
  	\`unpublish_as\` text DEFAULT 'withdrawn',
  	\`notify_subscribers\` integer DEFAULT false,
  	\`review_state\` text,
  	\`review_comment\` text,
  	\`review_by_id\` integer,
  	\`review_at\` text,
  	\`created_by_id\` integer,
  	\`first_published_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`hero_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`review_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_news\`("id", "hero_image_id", "published_at", "urgent", "internal_note", "unpublish_as", "notify_subscribers", "review_state", "review_comment", "review_by_id", "review_at", "created_by_id", "first_published_at", "updated_at", "created_at", "_status") SELECT "id", "hero_image_id", "published_at", "urgent", "internal_note", "unpublish_as", "notify_subscribers", "review_state", "review_comment", "review_by_id", "review_at", "created_by_id", "first_published_at", "updated_at", "created_at", "_status" FROM \`news\`;`)
  await db.run(sql`DROP TABLE \`news\`;`)
  await db.run(sql`ALTER TABLE \`__new_news\` RENAME TO \`news\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`news_hero_image_idx\` ON \`news\` (\`hero_image_id\`);`)
  await db.run(sql`CREATE INDEX \`news_published_at_idx\` ON \`news\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`news_urgent_idx\` ON \`news\` (\`urgent\`);`)
  await db.run(sql`CREATE INDEX \`news_review_review_by_idx\` ON \`news\` (\`review_by_id\`);`)
  await db.run(sql`CREATE INDEX \`news_created_by_idx\` ON \`news\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`news_updated_at_idx\` ON \`news\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`news_created_at_idx\` ON \`news\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`news__status_idx\` ON \`news\` (\`_status\`);`)
  await db.run(sql`CREATE INDEX \`_status_publishedAt_idx\` ON \`news\` (\`_status\`,\`published_at\`);`)
  await db.run(sql`CREATE TABLE \`__new__news_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_hero_image_id\` integer,
  	\`version_published_at\` text,
  	\`version_urgent\` integer DEFAULT false,
  	\`version_internal_note\` text,
  	\`version_unpublish_as\` text DEFAULT 'withdrawn',
  	\`version_notify_subscribers\` integer DEFAULT false,
  	\`version_review_state\` text,
  	\`version_review_comment\` text,
  	\`version_review_by_id\` integer,
  	\`version_review_at\` text,
  	\`version_created_by_id\` integer,
  	\`version_first_published_at\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_hero_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_review_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__news_v\`("id", "parent_id", "version_hero_image_id", "version_published_at", "version_urgent", "version_internal_note", "version_unpublish_as", "version_notify_subscribers", "version_review_state", "version_review_comment", "version_review_by_id", "version_review_at", "version_created_by_id", "version_first_published_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest", "autosave") SELECT "id", "parent_id", "version_hero_image_id", "version_published_at", "version_urgent", "version_internal_note", "version_unpublish_as", "version_notify_subscribers", "version_review_state", "version_review_comment", "version_review_by_id", "version_review_at", "version_created_by_id", "version_first_published_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest", "autosave" FROM \`_news_v\`;`)
  await db.run(sql`DROP TABLE \`_news_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__news_v\` RENAME TO \`_news_v\`;`)
  await db.run(sql`CREATE INDEX \`_news_v_parent_idx\` ON \`_news_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_hero_image_idx\` ON \`_news_v\` (\`version_hero_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_published_at_idx\` ON \`_news_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_urgent_idx\` ON \`_news_v\` (\`version_urgent\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_review_version_review_by_idx\` ON \`_news_v\` (\`version_review_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_created_by_idx\` ON \`_news_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_updated_at_idx\` ON \`_news_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version_created_at_idx\` ON \`_news_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_version_version__status_idx\` ON \`_news_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_created_at_idx\` ON \`_news_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_updated_at_idx\` ON \`_news_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_snapshot_idx\` ON \`_news_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_published_locale_idx\` ON \`_news_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_latest_idx\` ON \`_news_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_autosave_idx\` ON \`_news_v\` (\`autosave\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_publishedAt_idx\` ON \`_news_v\` (\`version__status\`,\`version_published_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_guides\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`published_at\` text,
  	\`internal_note\` text,
  	\`unpublish_as\` text DEFAULT 'withdrawn',
  	\`notify_subscribers\` integer DEFAULT false,
  	\`review_state\` text,
  	\`review_comment\` text,
  	\`review_by_id\` integer,
  	\`review_at\` text,
  	\`created_by_id\` integer,
  	\`first_published_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`review_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_guides\`("id", "published_at", "internal_note", "unpublish_as", "notify_subscribers", "review_state", "review_comment", "review_by_id", "review_at", "created_by_id", "first_published_at", "updated_at", "created_at", "_status") SELECT "id", "published_at", "internal_note", "unpublish_as", "notify_subscribers", "review_state", "review_comment", "review_by_id", "review_at", "created_by_id", "first_published_at", "updated_at", "created_at", "_status" FROM \`guides\`;`)
  await db.run(sql`DROP TABLE \`guides\`;`)
  await db.run(sql`ALTER TABLE \`__new_guides\` RENAME TO \`guides\`;`)
  await db.run(sql`CREATE INDEX \`guides_published_at_idx\` ON \`guides\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`guides_review_review_by_idx\` ON \`guides\` (\`review_by_id\`);`)
  await db.run(sql`CREATE INDEX \`guides_created_by_idx\` ON \`guides\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`guides_updated_at_idx\` ON \`guides\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`guides_created_at_idx\` ON \`guides\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`guides__status_idx\` ON \`guides\` (\`_status\`);`)
  await db.run(sql`CREATE INDEX \`_status_publishedAt_1_idx\` ON \`guides\` (\`_status\`,\`published_at\`);`)
  await db.run(sql`CREATE TABLE \`__new__guides_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_published_at\` text,
  	\`version_internal_note\` text,
  	\`version_unpublish_as\` text DEFAULT 'withdrawn',
  	\`version_notify_subscribers\` integer DEFAULT false,
  	\`version_review_state\` text,
  	\`version_review_comment\` text,
  	\`version_review_by_id\` integer,
  	\`version_review_at\` text,
  	\`version_created_by_id\` integer,
  	\`version_first_published_at\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`guides\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_review_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__guides_v\`("id", "parent_id", "version_published_at", "version_internal_note", "version_unpublish_as", "version_notify_subscribers", "version_review_state", "version_review_comment", "version_review_by_id", "version_review_at", "version_created_by_id", "version_first_published_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest", "autosave") SELECT "id", "parent_id", "version_published_at", "version_internal_note", "version_unpublish_as", "version_notify_subscribers", "version_review_state", "version_review_comment", "version_review_by_id", "version_review_at", "version_created_by_id", "version_first_published_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest", "autosave" FROM \`_guides_v\`;`)
  await db.run(sql`DROP TABLE \`_guides_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__guides_v\` RENAME TO \`_guides_v\`;`)
  await db.run(sql`CREATE INDEX \`_guides_v_parent_idx\` ON \`_guides_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_version_version_published_at_idx\` ON \`_guides_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_version_review_version_review_by_idx\` ON \`_guides_v\` (\`version_review_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_version_version_created_by_idx\` ON \`_guides_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_version_version_updated_at_idx\` ON \`_guides_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_version_version_created_at_idx\` ON \`_guides_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_version_version__status_idx\` ON \`_guides_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_created_at_idx\` ON \`_guides_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_updated_at_idx\` ON \`_guides_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_snapshot_idx\` ON \`_guides_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_published_locale_idx\` ON \`_guides_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_latest_idx\` ON \`_guides_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_autosave_idx\` ON \`_guides_v\` (\`autosave\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_publishedAt_1_idx\` ON \`_guides_v\` (\`version__status\`,\`version_published_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_leaflets\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`published_at\` text,
  	\`internal_note\` text,
  	\`unpublish_as\` text DEFAULT 'withdrawn',
  	\`notify_subscribers\` integer DEFAULT false,
  	\`review_state\` text,
  	\`review_comment\` text,
  	\`review_by_id\` integer,
  	\`review_at\` text,
  	\`created_by_id\` integer,
  	\`first_published_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`review_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_leaflets\`("id", "published_at", "internal_note", "unpublish_as", "notify_subscribers", "review_state", "review_comment", "review_by_id", "review_at", "created_by_id", "first_published_at", "updated_at", "created_at", "_status") SELECT "id", "published_at", "internal_note", "unpublish_as", "notify_subscribers", "review_state", "review_comment", "review_by_id", "review_at", "created_by_id", "first_published_at", "updated_at", "created_at", "_status" FROM \`leaflets\`;`)
  await db.run(sql`DROP TABLE \`leaflets\`;`)
  await db.run(sql`ALTER TABLE \`__new_leaflets\` RENAME TO \`leaflets\`;`)
  await db.run(sql`CREATE INDEX \`leaflets_published_at_idx\` ON \`leaflets\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`leaflets_review_review_by_idx\` ON \`leaflets\` (\`review_by_id\`);`)
  await db.run(sql`CREATE INDEX \`leaflets_created_by_idx\` ON \`leaflets\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`leaflets_updated_at_idx\` ON \`leaflets\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`leaflets_created_at_idx\` ON \`leaflets\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`leaflets__status_idx\` ON \`leaflets\` (\`_status\`);`)
  await db.run(sql`CREATE INDEX \`_status_publishedAt_2_idx\` ON \`leaflets\` (\`_status\`,\`published_at\`);`)
  await db.run(sql`CREATE TABLE \`__new__leaflets_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_published_at\` text,
  	\`version_internal_note\` text,
  	\`version_unpublish_as\` text DEFAULT 'withdrawn',
  	\`version_notify_subscribers\` integer DEFAULT false,
  	\`version_review_state\` text,
  	\`version_review_comment\` text,
  	\`version_review_by_id\` integer,
  	\`version_review_at\` text,
  	\`version_created_by_id\` integer,
  	\`version_first_published_at\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`leaflets\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_review_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__leaflets_v\`("id", "parent_id", "version_published_at", "version_internal_note", "version_unpublish_as", "version_notify_subscribers", "version_review_state", "version_review_comment", "version_review_by_id", "version_review_at", "version_created_by_id", "version_first_published_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest", "autosave") SELECT "id", "parent_id", "version_published_at", "version_internal_note", "version_unpublish_as", "version_notify_subscribers", "version_review_state", "version_review_comment", "version_review_by_id", "version_review_at", "version_created_by_id", "version_first_published_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest", "autosave" FROM \`_leaflets_v\`;`)
  await db.run(sql`DROP TABLE \`_leaflets_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__leaflets_v\` RENAME TO \`_leaflets_v\`;`)
  await db.run(sql`CREATE INDEX \`_leaflets_v_parent_idx\` ON \`_leaflets_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_leaflets_v_version_version_published_at_idx\` ON \`_leaflets_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_leaflets_v_version_review_version_review_by_idx\` ON \`_leaflets_v\` (\`version_review_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_leaflets_v_version_version_created_by_idx\` ON \`_leaflets_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_leaflets_v_version_version_updated_at_idx\` ON \`_leaflets_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_leaflets_v_version_version_created_at_idx\` ON \`_leaflets_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_leaflets_v_version_version__status_idx\` ON \`_leaflets_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_leaflets_v_created_at_idx\` ON \`_leaflets_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_leaflets_v_updated_at_idx\` ON \`_leaflets_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_leaflets_v_snapshot_idx\` ON \`_leaflets_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_leaflets_v_published_locale_idx\` ON \`_leaflets_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_leaflets_v_latest_idx\` ON \`_leaflets_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_leaflets_v_autosave_idx\` ON \`_leaflets_v\` (\`autosave\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_publishedAt_2_idx\` ON \`_leaflets_v\` (\`version__status\`,\`version_published_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_handbook\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`topic_id\` integer,
  	\`order\` numeric DEFAULT 0,
  	\`published_at\` text,
  	\`internal_note\` text,
  	\`unpublish_as\` text DEFAULT 'withdrawn',
  	\`review_state\` text,
  	\`review_comment\` text,
  	\`review_by_id\` integer,
  	\`review_at\` text,
  	\`created_by_id\` integer,
  	\`first_published_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`topic_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`review_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_handbook\`("id", "topic_id", "order", "published_at", "internal_note", "unpublish_as", "review_state", "review_comment", "review_by_id", "review_at", "created_by_id", "first_published_at", "updated_at", "created_at", "_status") SELECT "id", "topic_id", "order", "published_at", "internal_note", "unpublish_as", "review_state", "review_comment", "review_by_id", "review_at", "created_by_id", "first_published_at", "updated_at", "created_at", "_status" FROM \`handbook\`;`)
  await db.run(sql`DROP TABLE \`handbook\`;`)
  await db.run(sql`ALTER TABLE \`__new_handbook\` RENAME TO \`handbook\`;`)
  await db.run(sql`CREATE INDEX \`handbook_topic_idx\` ON \`handbook\` (\`topic_id\`);`)
  await db.run(sql`CREATE INDEX \`handbook_order_idx\` ON \`handbook\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`handbook_published_at_idx\` ON \`handbook\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`handbook_review_review_by_idx\` ON \`handbook\` (\`review_by_id\`);`)
  await db.run(sql`CREATE INDEX \`handbook_created_by_idx\` ON \`handbook\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`handbook_updated_at_idx\` ON \`handbook\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`handbook_created_at_idx\` ON \`handbook\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`handbook__status_idx\` ON \`handbook\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__handbook_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_topic_id\` integer,
  	\`version_order\` numeric DEFAULT 0,
  	\`version_published_at\` text,
  	\`version_internal_note\` text,
  	\`version_unpublish_as\` text DEFAULT 'withdrawn',
  	\`version_review_state\` text,
  	\`version_review_comment\` text,
  	\`version_review_by_id\` integer,
  	\`version_review_at\` text,
  	\`version_created_by_id\` integer,
  	\`version_first_published_at\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`handbook\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_topic_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_review_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__handbook_v\`("id", "parent_id", "version_topic_id", "version_order", "version_published_at", "version_internal_note", "version_unpublish_as", "version_review_state", "version_review_comment", "version_review_by_id", "version_review_at", "version_created_by_id", "version_first_published_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest", "autosave") SELECT "id", "parent_id", "version_topic_id", "version_order", "version_published_at", "version_internal_note", "version_unpublish_as", "version_review_state", "version_review_comment", "version_review_by_id", "version_review_at", "version_created_by_id", "version_first_published_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest", "autosave" FROM \`_handbook_v\`;`)
  await db.run(sql`DROP TABLE \`_handbook_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__handbook_v\` RENAME TO \`_handbook_v\`;`)
  await db.run(sql`CREATE INDEX \`_handbook_v_parent_idx\` ON \`_handbook_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_handbook_v_version_version_topic_idx\` ON \`_handbook_v\` (\`version_topic_id\`);`)
  await db.run(sql`CREATE INDEX \`_handbook_v_version_version_order_idx\` ON \`_handbook_v\` (\`version_order\`);`)
  await db.run(sql`CREATE INDEX \`_handbook_v_version_version_published_at_idx\` ON \`_handbook_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_handbook_v_version_review_version_review_by_idx\` ON \`_handbook_v\` (\`version_review_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_handbook_v_version_version_created_by_idx\` ON \`_handbook_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_handbook_v_version_version_updated_at_idx\` ON \`_handbook_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_handbook_v_version_version_created_at_idx\` ON \`_handbook_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_handbook_v_version_version__status_idx\` ON \`_handbook_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_handbook_v_created_at_idx\` ON \`_handbook_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_handbook_v_updated_at_idx\` ON \`_handbook_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_handbook_v_snapshot_idx\` ON \`_handbook_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_handbook_v_published_locale_idx\` ON \`_handbook_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_handbook_v_latest_idx\` ON \`_handbook_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_handbook_v_autosave_idx\` ON \`_handbook_v\` (\`autosave\`);`)
  await db.run(sql`CREATE TABLE \`__new_services\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`email\` text,
  	\`address_street\` text,
  	\`address_postcode\` text,
  	\`website\` text,
  	\`published_at\` text,
  	\`internal_note\` text,
  	\`unpublish_as\` text DEFAULT 'withdrawn',
  	\`review_state\` text,
  	\`review_comment\` text,
  	\`review_by_id\` integer,
  	\`review_at\` text,
  	\`created_by_id\` integer,
  	\`first_published_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`review_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_services\`("id", "email", "address_street", "address_postcode", "website", "published_at", "internal_note", "unpublish_as", "review_state", "review_comment", "review_by_id", "review_at", "created_by_id", "first_published_at", "updated_at", "created_at", "_status") SELECT "id", "email", "address_street", "address_postcode", "website", "published_at", "internal_note", "unpublish_as", "review_state", "review_comment", "review_by_id", "review_at", "created_by_id", "first_published_at", "updated_at", "created_at", "_status" FROM \`services\`;`)
  await db.run(sql`DROP TABLE \`services\`;`)
  await db.run(sql`ALTER TABLE \`__new_services\` RENAME TO \`services\`;`)
  await db.run(sql`CREATE INDEX \`services_published_at_idx\` ON \`services\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`services_review_review_by_idx\` ON \`services\` (\`review_by_id\`);`)
  await db.run(sql`CREATE INDEX \`services_created_by_idx\` ON \`services\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`services_updated_at_idx\` ON \`services\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`services_created_at_idx\` ON \`services\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`services__status_idx\` ON \`services\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__services_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_email\` text,
  	\`version_address_street\` text,
  	\`version_address_postcode\` text,
  	\`version_website\` text,
  	\`version_published_at\` text,
  	\`version_internal_note\` text,
  	\`version_unpublish_as\` text DEFAULT 'withdrawn',
  	\`version_review_state\` text,
  	\`version_review_comment\` text,
  	\`version_review_by_id\` integer,
  	\`version_review_at\` text,
  	\`version_created_by_id\` integer,
  	\`version_first_published_at\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_review_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__services_v\`("id", "parent_id", "version_email", "version_address_street", "version_address_postcode", "version_website", "version_published_at", "version_internal_note", "version_unpublish_as", "version_review_state", "version_review_comment", "version_review_by_id", "version_review_at", "version_created_by_id", "version_first_published_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest", "autosave") SELECT "id", "parent_id", "version_email", "version_address_street", "version_address_postcode", "version_website", "version_published_at", "version_internal_note", "version_unpublish_as", "version_review_state", "version_review_comment", "version_review_by_id", "version_review_at", "version_created_by_id", "version_first_published_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest", "autosave" FROM \`_services_v\`;`)
  await db.run(sql`DROP TABLE \`_services_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__services_v\` RENAME TO \`_services_v\`;`)
  await db.run(sql`CREATE INDEX \`_services_v_parent_idx\` ON \`_services_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_version_version_published_at_idx\` ON \`_services_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_version_review_version_review_by_idx\` ON \`_services_v\` (\`version_review_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_version_version_created_by_idx\` ON \`_services_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_version_version_updated_at_idx\` ON \`_services_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_version_version_created_at_idx\` ON \`_services_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_version_version__status_idx\` ON \`_services_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_created_at_idx\` ON \`_services_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_updated_at_idx\` ON \`_services_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_snapshot_idx\` ON \`_services_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_published_locale_idx\` ON \`_services_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_latest_idx\` ON \`_services_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_autosave_idx\` ON \`_services_v\` (\`autosave\`);`)
  await db.run(sql`CREATE TABLE \`__new_consultations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`opens_at\` text,
  	\`closes_at\` text,
  	\`status\` text,
  	\`contact_name\` text,
  	\`contact_email\` text,
  	\`contact_phone\` text,
  	\`outcome_published_at\` text,
  	\`published_at\` text,
  	\`internal_note\` text,
  	\`unpublish_as\` text DEFAULT 'withdrawn',
  	\`notify_subscribers\` integer DEFAULT false,
  	\`review_state\` text,
  	\`review_comment\` text,
  	\`review_by_id\` integer,
  	\`review_at\` text,
  	\`created_by_id\` integer,
  	\`first_published_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`review_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_consultations\`("id", "opens_at", "closes_at", "status", "contact_name", "contact_email", "contact_phone", "outcome_published_at", "published_at", "internal_note", "unpublish_as", "notify_subscribers", "review_state", "review_comment", "review_by_id", "review_at", "created_by_id", "first_published_at", "updated_at", "created_at", "_status") SELECT "id", "opens_at", "closes_at", "status", "contact_name", "contact_email", "contact_phone", "outcome_published_at", "published_at", "internal_note", "unpublish_as", "notify_subscribers", "review_state", "review_comment", "review_by_id", "review_at", "created_by_id", "first_published_at", "updated_at", "created_at", "_status" FROM \`consultations\`;`)
  await db.run(sql`DROP TABLE \`consultations\`;`)
  await db.run(sql`ALTER TABLE \`__new_consultations\` RENAME TO \`consultations\`;`)
  await db.run(sql`CREATE INDEX \`consultations_opens_at_idx\` ON \`consultations\` (\`opens_at\`);`)
  await db.run(sql`CREATE INDEX \`consultations_closes_at_idx\` ON \`consultations\` (\`closes_at\`);`)
  await db.run(sql`CREATE INDEX \`consultations_status_idx\` ON \`consultations\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`consultations_published_at_idx\` ON \`consultations\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`consultations_review_review_by_idx\` ON \`consultations\` (\`review_by_id\`);`)
  await db.run(sql`CREATE INDEX \`consultations_created_by_idx\` ON \`consultations\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`consultations_updated_at_idx\` ON \`consultations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`consultations_created_at_idx\` ON \`consultations\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`consultations__status_idx\` ON \`consultations\` (\`_status\`);`)
  await db.run(sql`CREATE INDEX \`_status_opensAt_idx\` ON \`consultations\` (\`_status\`,\`opens_at\`);`)
  await db.run(sql`CREATE TABLE \`__new__consultations_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_opens_at\` text,
  	\`version_closes_at\` text,
  	\`version_status\` text,
  	\`version_contact_name\` text,
  	\`version_contact_email\` text,
  	\`version_contact_phone\` text,
  	\`version_outcome_published_at\` text,
  	\`version_published_at\` text,
  	\`version_internal_note\` text,
  	\`version_unpublish_as\` text DEFAULT 'withdrawn',
  	\`version_notify_subscribers\` integer DEFAULT false,
  	\`version_review_state\` text,
  	\`version_review_comment\` text,
  	\`version_review_by_id\` integer,
  	\`version_review_at\` text,
  	\`version_created_by_id\` integer,
  	\`version_first_published_at\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`consultations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_review_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__consultations_v\`("id", "parent_id", "version_opens_at", "version_closes_at", "version_status", "version_contact_name", "version_contact_email", "version_contact_phone", "version_outcome_published_at", "version_published_at", "version_internal_note", "version_unpublish_as", "version_notify_subscribers", "version_review_state", "version_review_comment", "version_review_by_id", "version_review_at", "version_created_by_id", "version_first_published_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest", "autosave") SELECT "id", "parent_id", "version_opens_at", "version_closes_at", "version_status", "version_contact_name", "version_contact_email", "version_contact_phone", "version_outcome_published_at", "version_published_at", "version_internal_note", "version_unpublish_as", "version_notify_subscribers", "version_review_state", "version_review_comment", "version_review_by_id", "version_review_at", "version_created_by_id", "version_first_published_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest", "autosave" FROM \`_consultations_v\`;`)
  await db.run(sql`DROP TABLE \`_consultations_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__consultations_v\` RENAME TO \`_consultations_v\`;`)
  await db.run(sql`CREATE INDEX \`_consultations_v_parent_idx\` ON \`_consultations_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_consultations_v_version_version_opens_at_idx\` ON \`_consultations_v\` (\`version_opens_at\`);`)
  await db.run(sql`CREATE INDEX \`_consultations_v_version_version_closes_at_idx\` ON \`_consultations_v\` (\`version_closes_at\`);`)
  await db.run(sql`CREATE INDEX \`_consultations_v_version_version_status_idx\` ON \`_consultations_v\` (\`version_status\`);`)
  await db.run(sql`CREATE INDEX \`_consultations_v_version_version_published_at_idx\` ON \`_consultations_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_consultations_v_version_review_version_review_by_idx\` ON \`_consultations_v\` (\`version_review_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_consultations_v_version_version_created_by_idx\` ON \`_consultations_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_consultations_v_version_version_updated_at_idx\` ON \`_consultations_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_consultations_v_version_version_created_at_idx\` ON \`_consultations_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_consultations_v_version_version__status_idx\` ON \`_consultations_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_consultations_v_created_at_idx\` ON \`_consultations_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_consultations_v_updated_at_idx\` ON \`_consultations_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_consultations_v_snapshot_idx\` ON \`_consultations_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_consultations_v_published_locale_idx\` ON \`_consultations_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_consultations_v_latest_idx\` ON \`_consultations_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_consultations_v_autosave_idx\` ON \`_consultations_v\` (\`autosave\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_opensAt_idx\` ON \`_consultations_v\` (\`version__status\`,\`version_opens_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_pages\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`published_at\` text,
  	\`internal_note\` text,
  	\`unpublish_as\` text DEFAULT 'withdrawn',
  	\`review_state\` text,
  	\`review_comment\` text,
  	\`review_by_id\` integer,
  	\`review_at\` text,
  	\`created_by_id\` integer,
  	\`first_published_at\` text,
  	\`parent_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`review_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_pages\`("id", "published_at", "internal_note", "unpublish_as", "review_state", "review_comment", "review_by_id", "review_at", "created_by_id", "first_published_at", "parent_id", "updated_at", "created_at", "_status") SELECT "id", "published_at", "internal_note", "unpublish_as", "review_state", "review_comment", "review_by_id", "review_at", "created_by_id", "first_published_at", "parent_id", "updated_at", "created_at", "_status" FROM \`pages\`;`)
  await db.run(sql`DROP TABLE \`pages\`;`)
  await db.run(sql`ALTER TABLE \`__new_pages\` RENAME TO \`pages\`;`)
  await db.run(sql`CREATE INDEX \`pages_published_at_idx\` ON \`pages\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`pages_review_review_by_idx\` ON \`pages\` (\`review_by_id\`);`)
  await db.run(sql`CREATE INDEX \`pages_created_by_idx\` ON \`pages\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`pages_parent_idx\` ON \`pages\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`pages_updated_at_idx\` ON \`pages\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`pages_created_at_idx\` ON \`pages\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`pages__status_idx\` ON \`pages\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__pages_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_published_at\` text,
  	\`version_internal_note\` text,
  	\`version_unpublish_as\` text DEFAULT 'withdrawn',
  	\`version_review_state\` text,
  	\`version_review_comment\` text,
  	\`version_review_by_id\` integer,
  	\`version_review_at\` text,
  	\`version_created_by_id\` integer,
  	\`version_first_published_at\` text,
  	\`version_parent_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_review_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_parent_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__pages_v\`("id", "parent_id", "version_published_at", "version_internal_note", "version_unpublish_as", "version_review_state", "version_review_comment", "version_review_by_id", "version_review_at", "version_created_by_id", "version_first_published_at", "version_parent_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest", "autosave") SELECT "id", "parent_id", "version_published_at", "version_internal_note", "version_unpublish_as", "version_review_state", "version_review_comment", "version_review_by_id", "version_review_at", "version_created_by_id", "version_first_published_at", "version_parent_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest", "autosave" FROM \`_pages_v\`;`)
  await db.run(sql`DROP TABLE \`_pages_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__pages_v\` RENAME TO \`_pages_v\`;`)
  await db.run(sql`CREATE INDEX \`_pages_v_parent_idx\` ON \`_pages_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_published_at_idx\` ON \`_pages_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_review_version_review_by_idx\` ON \`_pages_v\` (\`version_review_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_created_by_idx\` ON \`_pages_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_parent_idx\` ON \`_pages_v\` (\`version_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_updated_at_idx\` ON \`_pages_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_created_at_idx\` ON \`_pages_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version__status_idx\` ON \`_pages_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_created_at_idx\` ON \`_pages_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_updated_at_idx\` ON \`_pages_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_snapshot_idx\` ON \`_pages_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_published_locale_idx\` ON \`_pages_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_latest_idx\` ON \`_pages_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_autosave_idx\` ON \`_pages_v\` (\`autosave\`);`)
  await db.run(sql`CREATE TABLE \`__new_topics\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`unpublish_as\` text DEFAULT 'withdrawn',
  	\`review_state\` text,
  	\`review_comment\` text,
  	\`review_by_id\` integer,
  	\`review_at\` text,
  	\`created_by_id\` integer,
  	\`first_published_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`review_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_topics\`("id", "unpublish_as", "review_state", "review_comment", "review_by_id", "review_at", "created_by_id", "first_published_at", "updated_at", "created_at", "_status") SELECT "id", "unpublish_as", "review_state", "review_comment", "review_by_id", "review_at", "created_by_id", "first_published_at", "updated_at", "created_at", "_status" FROM \`topics\`;`)
  await db.run(sql`DROP TABLE \`topics\`;`)
  await db.run(sql`ALTER TABLE \`__new_topics\` RENAME TO \`topics\`;`)
  await db.run(sql`CREATE INDEX \`topics_review_review_by_idx\` ON \`topics\` (\`review_by_id\`);`)
  await db.run(sql`CREATE INDEX \`topics_created_by_idx\` ON \`topics\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`topics_updated_at_idx\` ON \`topics\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`topics_created_at_idx\` ON \`topics\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`topics__status_idx\` ON \`topics\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__topics_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_unpublish_as\` text DEFAULT 'withdrawn',
  	\`version_review_state\` text,
  	\`version_review_comment\` text,
  	\`version_review_by_id\` integer,
  	\`version_review_at\` text,
  	\`version_created_by_id\` integer,
  	\`version_first_published_at\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_review_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__topics_v\`("id", "parent_id", "version_unpublish_as", "version_review_state", "version_review_comment", "version_review_by_id", "version_review_at", "version_created_by_id", "version_first_published_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest", "autosave") SELECT "id", "parent_id", "version_unpublish_as", "version_review_state", "version_review_comment", "version_review_by_id", "version_review_at", "version_created_by_id", "version_first_published_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest", "autosave" FROM \`_topics_v\`;`)
  await db.run(sql`DROP TABLE \`_topics_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__topics_v\` RENAME TO \`_topics_v\`;`)
  await db.run(sql`CREATE INDEX \`_topics_v_parent_idx\` ON \`_topics_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_topics_v_version_review_version_review_by_idx\` ON \`_topics_v\` (\`version_review_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_topics_v_version_version_created_by_idx\` ON \`_topics_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_topics_v_version_version_updated_at_idx\` ON \`_topics_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_topics_v_version_version_created_at_idx\` ON \`_topics_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_topics_v_version_version__status_idx\` ON \`_topics_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_topics_v_created_at_idx\` ON \`_topics_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_topics_v_updated_at_idx\` ON \`_topics_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_topics_v_snapshot_idx\` ON \`_topics_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_topics_v_published_locale_idx\` ON \`_topics_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_topics_v_latest_idx\` ON \`_topics_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_topics_v_autosave_idx\` ON \`_topics_v\` (\`autosave\`);`)
  await db.run(sql`CREATE TABLE \`__new_alerts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`level\` text DEFAULT 'info',
  	\`starts_at\` text,
  	\`ends_at\` text,
  	\`review_state\` text,
  	\`review_comment\` text,
  	\`review_by_id\` integer,
  	\`review_at\` text,
  	\`created_by_id\` integer,
  	\`first_published_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`review_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_alerts\`("id", "level", "starts_at", "ends_at", "review_state", "review_comment", "review_by_id", "review_at", "created_by_id", "first_published_at", "updated_at", "created_at", "_status") SELECT "id", "level", "starts_at", "ends_at", "review_state", "review_comment", "review_by_id", "review_at", "created_by_id", "first_published_at", "updated_at", "created_at", "_status" FROM \`alerts\`;`)
  await db.run(sql`DROP TABLE \`alerts\`;`)
  await db.run(sql`ALTER TABLE \`__new_alerts\` RENAME TO \`alerts\`;`)
  await db.run(sql`CREATE INDEX \`alerts_starts_at_idx\` ON \`alerts\` (\`starts_at\`);`)
  await db.run(sql`CREATE INDEX \`alerts_ends_at_idx\` ON \`alerts\` (\`ends_at\`);`)
  await db.run(sql`CREATE INDEX \`alerts_review_review_by_idx\` ON \`alerts\` (\`review_by_id\`);`)
  await db.run(sql`CREATE INDEX \`alerts_created_by_idx\` ON \`alerts\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`alerts_updated_at_idx\` ON \`alerts\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`alerts_created_at_idx\` ON \`alerts\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`alerts__status_idx\` ON \`alerts\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__alerts_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_level\` text DEFAULT 'info',
  	\`version_starts_at\` text,
  	\`version_ends_at\` text,
  	\`version_review_state\` text,
  	\`version_review_comment\` text,
  	\`version_review_by_id\` integer,
  	\`version_review_at\` text,
  	\`version_created_by_id\` integer,
  	\`version_first_published_at\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`alerts\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_review_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__alerts_v\`("id", "parent_id", "version_level", "version_starts_at", "version_ends_at", "version_review_state", "version_review_comment", "version_review_by_id", "version_review_at", "version_created_by_id", "version_first_published_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest", "autosave") SELECT "id", "parent_id", "version_level", "version_starts_at", "version_ends_at", "version_review_state", "version_review_comment", "version_review_by_id", "version_review_at", "version_created_by_id", "version_first_published_at", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest", "autosave" FROM \`_alerts_v\`;`)
  await db.run(sql`DROP TABLE \`_alerts_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__alerts_v\` RENAME TO \`_alerts_v\`;`)
  await db.run(sql`CREATE INDEX \`_alerts_v_parent_idx\` ON \`_alerts_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_alerts_v_version_version_starts_at_idx\` ON \`_alerts_v\` (\`version_starts_at\`);`)
  await db.run(sql`CREATE INDEX \`_alerts_v_version_version_ends_at_idx\` ON \`_alerts_v\` (\`version_ends_at\`);`)
  await db.run(sql`CREATE INDEX \`_alerts_v_version_review_version_review_by_idx\` ON \`_alerts_v\` (\`version_review_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_alerts_v_version_version_created_by_idx\` ON \`_alerts_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_alerts_v_version_version_updated_at_idx\` ON \`_alerts_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_alerts_v_version_version_created_at_idx\` ON \`_alerts_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_alerts_v_version_version__status_idx\` ON \`_alerts_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_alerts_v_created_at_idx\` ON \`_alerts_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_alerts_v_updated_at_idx\` ON \`_alerts_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_alerts_v_snapshot_idx\` ON \`_alerts_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_alerts_v_published_locale_idx\` ON \`_alerts_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_alerts_v_latest_idx\` ON \`_alerts_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_alerts_v_autosave_idx\` ON \`_alerts_v\` (\`autosave\`);`)
}
