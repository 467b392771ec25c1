import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`handbook_rels\` (
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
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`handbook\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`news_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`guides_id\`) REFERENCES \`guides\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`leaflets_id\`) REFERENCES \`leaflets\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`handbook_id\`) REFERENCES \`handbook\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`services_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`consultations_id\`) REFERENCES \`consultations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pages_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`handbook_rels_order_idx\` ON \`handbook_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`handbook_rels_parent_idx\` ON \`handbook_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`handbook_rels_path_idx\` ON \`handbook_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`handbook_rels_news_id_idx\` ON \`handbook_rels\` (\`news_id\`);`)
  await db.run(sql`CREATE INDEX \`handbook_rels_guides_id_idx\` ON \`handbook_rels\` (\`guides_id\`);`)
  await db.run(sql`CREATE INDEX \`handbook_rels_leaflets_id_idx\` ON \`handbook_rels\` (\`leaflets_id\`);`)
  await db.run(sql`CREATE INDEX \`handbook_rels_handbook_id_idx\` ON \`handbook_rels\` (\`handbook_id\`);`)
  await db.run(sql`CREATE INDEX \`handbook_rels_services_id_idx\` ON \`handbook_rels\` (\`services_id\`);`)
  await db.run(sql`CREATE INDEX \`handbook_rels_consultations_id_idx\` ON \`handbook_rels\` (\`consultations_id\`);`)
  await db.run(sql`CREATE INDEX \`handbook_rels_pages_id_idx\` ON \`handbook_rels\` (\`pages_id\`);`)
  await db.run(sql`CREATE INDEX \`handbook_rels_topics_id_idx\` ON \`handbook_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE TABLE \`_handbook_v_rels\` (
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
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_handbook_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`news_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`guides_id\`) REFERENCES \`guides\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`leaflets_id\`) REFERENCES \`leaflets\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`handbook_id\`) REFERENCES \`handbook\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`services_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`consultations_id\`) REFERENCES \`consultations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pages_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_handbook_v_rels_order_idx\` ON \`_handbook_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_handbook_v_rels_parent_idx\` ON \`_handbook_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_handbook_v_rels_path_idx\` ON \`_handbook_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_handbook_v_rels_news_id_idx\` ON \`_handbook_v_rels\` (\`news_id\`);`)
  await db.run(sql`CREATE INDEX \`_handbook_v_rels_guides_id_idx\` ON \`_handbook_v_rels\` (\`guides_id\`);`)
  await db.run(sql`CREATE INDEX \`_handbook_v_rels_leaflets_id_idx\` ON \`_handbook_v_rels\` (\`leaflets_id\`);`)
  await db.run(sql`CREATE INDEX \`_handbook_v_rels_handbook_id_idx\` ON \`_handbook_v_rels\` (\`handbook_id\`);`)
  await db.run(sql`CREATE INDEX \`_handbook_v_rels_services_id_idx\` ON \`_handbook_v_rels\` (\`services_id\`);`)
  await db.run(sql`CREATE INDEX \`_handbook_v_rels_consultations_id_idx\` ON \`_handbook_v_rels\` (\`consultations_id\`);`)
  await db.run(sql`CREATE INDEX \`_handbook_v_rels_pages_id_idx\` ON \`_handbook_v_rels\` (\`pages_id\`);`)
  await db.run(sql`CREATE INDEX \`_handbook_v_rels_topics_id_idx\` ON \`_handbook_v_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE TABLE \`pages_rels\` (
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
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`news_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`guides_id\`) REFERENCES \`guides\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`leaflets_id\`) REFERENCES \`leaflets\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`handbook_id\`) REFERENCES \`handbook\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`services_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`consultations_id\`) REFERENCES \`consultations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pages_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`pages_rels_order_idx\` ON \`pages_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`pages_rels_parent_idx\` ON \`pages_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`pages_rels_path_idx\` ON \`pages_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`pages_rels_news_id_idx\` ON \`pages_rels\` (\`news_id\`);`)
  await db.run(sql`CREATE INDEX \`pages_rels_guides_id_idx\` ON \`pages_rels\` (\`guides_id\`);`)
  await db.run(sql`CREATE INDEX \`pages_rels_leaflets_id_idx\` ON \`pages_rels\` (\`leaflets_id\`);`)
  await db.run(sql`CREATE INDEX \`pages_rels_handbook_id_idx\` ON \`pages_rels\` (\`handbook_id\`);`)
  await db.run(sql`CREATE INDEX \`pages_rels_services_id_idx\` ON \`pages_rels\` (\`services_id\`);`)
  await db.run(sql`CREATE INDEX \`pages_rels_consultations_id_idx\` ON \`pages_rels\` (\`consultations_id\`);`)
  await db.run(sql`CREATE INDEX \`pages_rels_pages_id_idx\` ON \`pages_rels\` (\`pages_id\`);`)
  await db.run(sql`CREATE INDEX \`pages_rels_topics_id_idx\` ON \`pages_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE TABLE \`_pages_v_rels\` (
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
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_pages_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`news_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`guides_id\`) REFERENCES \`guides\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`leaflets_id\`) REFERENCES \`leaflets\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`handbook_id\`) REFERENCES \`handbook\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`services_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`consultations_id\`) REFERENCES \`consultations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pages_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_pages_v_rels_order_idx\` ON \`_pages_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_rels_parent_idx\` ON \`_pages_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_rels_path_idx\` ON \`_pages_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_rels_news_id_idx\` ON \`_pages_v_rels\` (\`news_id\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_rels_guides_id_idx\` ON \`_pages_v_rels\` (\`guides_id\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_rels_leaflets_id_idx\` ON \`_pages_v_rels\` (\`leaflets_id\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_rels_handbook_id_idx\` ON \`_pages_v_rels\` (\`handbook_id\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_rels_services_id_idx\` ON \`_pages_v_rels\` (\`services_id\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_rels_consultations_id_idx\` ON \`_pages_v_rels\` (\`consultations_id\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_rels_pages_id_idx\` ON \`_pages_v_rels\` (\`pages_id\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_rels_topics_id_idx\` ON \`_pages_v_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE TABLE \`topics_rels\` (
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
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`news_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`guides_id\`) REFERENCES \`guides\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`leaflets_id\`) REFERENCES \`leaflets\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`handbook_id\`) REFERENCES \`handbook\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`services_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`consultations_id\`) REFERENCES \`consultations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pages_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`topics_rels_order_idx\` ON \`topics_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`topics_rels_parent_idx\` ON \`topics_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`topics_rels_path_idx\` ON \`topics_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`topics_rels_news_id_idx\` ON \`topics_rels\` (\`news_id\`);`)
  await db.run(sql`CREATE INDEX \`topics_rels_guides_id_idx\` ON \`topics_rels\` (\`guides_id\`);`)
  await db.run(sql`CREATE INDEX \`topics_rels_leaflets_id_idx\` ON \`topics_rels\` (\`leaflets_id\`);`)
  await db.run(sql`CREATE INDEX \`topics_rels_handbook_id_idx\` ON \`topics_rels\` (\`handbook_id\`);`)
  await db.run(sql`CREATE INDEX \`topics_rels_services_id_idx\` ON \`topics_rels\` (\`services_id\`);`)
  await db.run(sql`CREATE INDEX \`topics_rels_consultations_id_idx\` ON \`topics_rels\` (\`consultations_id\`);`)
  await db.run(sql`CREATE INDEX \`topics_rels_pages_id_idx\` ON \`topics_rels\` (\`pages_id\`);`)
  await db.run(sql`CREATE INDEX \`topics_rels_topics_id_idx\` ON \`topics_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE TABLE \`_topics_v_rels\` (
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
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_topics_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`news_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`guides_id\`) REFERENCES \`guides\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`leaflets_id\`) REFERENCES \`leaflets\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`handbook_id\`) REFERENCES \`handbook\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`services_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`consultations_id\`) REFERENCES \`consultations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pages_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_topics_v_rels_order_idx\` ON \`_topics_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_topics_v_rels_parent_idx\` ON \`_topics_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_topics_v_rels_path_idx\` ON \`_topics_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_topics_v_rels_news_id_idx\` ON \`_topics_v_rels\` (\`news_id\`);`)
  await db.run(sql`CREATE INDEX \`_topics_v_rels_guides_id_idx\` ON \`_topics_v_rels\` (\`guides_id\`);`)
  await db.run(sql`CREATE INDEX \`_topics_v_rels_leaflets_id_idx\` ON \`_topics_v_rels\` (\`leaflets_id\`);`)
  await db.run(sql`CREATE INDEX \`_topics_v_rels_handbook_id_idx\` ON \`_topics_v_rels\` (\`handbook_id\`);`)
  await db.run(sql`CREATE INDEX \`_topics_v_rels_services_id_idx\` ON \`_topics_v_rels\` (\`services_id\`);`)
  await db.run(sql`CREATE INDEX \`_topics_v_rels_consultations_id_idx\` ON \`_topics_v_rels\` (\`consultations_id\`);`)
  await db.run(sql`CREATE INDEX \`_topics_v_rels_pages_id_idx\` ON \`_topics_v_rels\` (\`pages_id\`);`)
  await db.run(sql`CREATE INDEX \`_topics_v_rels_topics_id_idx\` ON \`_topics_v_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE TABLE \`redirects\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`from\` text NOT NULL,
  	\`kind\` text DEFAULT 'moved' NOT NULL,
  	\`locale\` text,
  	\`section\` text,
  	\`note\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`redirects_from_idx\` ON \`redirects\` (\`from\`);`)
  await db.run(sql`CREATE INDEX \`redirects_updated_at_idx\` ON \`redirects\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`redirects_created_at_idx\` ON \`redirects\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`redirects_rels\` (
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
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`redirects\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`news_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`guides_id\`) REFERENCES \`guides\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`leaflets_id\`) REFERENCES \`leaflets\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`handbook_id\`) REFERENCES \`handbook\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`services_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`consultations_id\`) REFERENCES \`consultations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pages_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`redirects_rels_order_idx\` ON \`redirects_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`redirects_rels_parent_idx\` ON \`redirects_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`redirects_rels_path_idx\` ON \`redirects_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`redirects_rels_news_id_idx\` ON \`redirects_rels\` (\`news_id\`);`)
  await db.run(sql`CREATE INDEX \`redirects_rels_guides_id_idx\` ON \`redirects_rels\` (\`guides_id\`);`)
  await db.run(sql`CREATE INDEX \`redirects_rels_leaflets_id_idx\` ON \`redirects_rels\` (\`leaflets_id\`);`)
  await db.run(sql`CREATE INDEX \`redirects_rels_handbook_id_idx\` ON \`redirects_rels\` (\`handbook_id\`);`)
  await db.run(sql`CREATE INDEX \`redirects_rels_services_id_idx\` ON \`redirects_rels\` (\`services_id\`);`)
  await db.run(sql`CREATE INDEX \`redirects_rels_consultations_id_idx\` ON \`redirects_rels\` (\`consultations_id\`);`)
  await db.run(sql`CREATE INDEX \`redirects_rels_pages_id_idx\` ON \`redirects_rels\` (\`pages_id\`);`)
  await db.run(sql`CREATE INDEX \`redirects_rels_topics_id_idx\` ON \`redirects_rels\` (\`topics_id\`);`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`unpublish_as\` text DEFAULT 'withdrawn';`)
  await db.run(sql`ALTER TABLE \`news_rels\` ADD \`handbook_id\` integer REFERENCES handbook(id);`)
  await db.run(sql`CREATE INDEX \`news_rels_handbook_id_idx\` ON \`news_rels\` (\`handbook_id\`);`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_unpublish_as\` text DEFAULT 'withdrawn';`)
  await db.run(sql`ALTER TABLE \`_news_v_rels\` ADD \`handbook_id\` integer REFERENCES handbook(id);`)
  await db.run(sql`CREATE INDEX \`_news_v_rels_handbook_id_idx\` ON \`_news_v_rels\` (\`handbook_id\`);`)
  await db.run(sql`ALTER TABLE \`guides\` ADD \`unpublish_as\` text DEFAULT 'withdrawn';`)
  await db.run(sql`ALTER TABLE \`guides_rels\` ADD \`news_id\` integer REFERENCES news(id);`)
  await db.run(sql`ALTER TABLE \`guides_rels\` ADD \`guides_id\` integer REFERENCES guides(id);`)
  await db.run(sql`ALTER TABLE \`guides_rels\` ADD \`leaflets_id\` integer REFERENCES leaflets(id);`)
  await db.run(sql`ALTER TABLE \`guides_rels\` ADD \`handbook_id\` integer REFERENCES handbook(id);`)
  await db.run(sql`ALTER TABLE \`guides_rels\` ADD \`consultations_id\` integer REFERENCES consultations(id);`)
  await db.run(sql`ALTER TABLE \`guides_rels\` ADD \`pages_id\` integer REFERENCES pages(id);`)
  await db.run(sql`CREATE INDEX \`guides_rels_news_id_idx\` ON \`guides_rels\` (\`news_id\`);`)
  await db.run(sql`CREATE INDEX \`guides_rels_guides_id_idx\` ON \`guides_rels\` (\`guides_id\`);`)
  await db.run(sql`CREATE INDEX \`guides_rels_leaflets_id_idx\` ON \`guides_rels\` (\`leaflets_id\`);`)
  await db.run(sql`CREATE INDEX \`guides_rels_handbook_id_idx\` ON \`guides_rels\` (\`handbook_id\`);`)
  await db.run(sql`CREATE INDEX \`guides_rels_consultations_id_idx\` ON \`guides_rels\` (\`consultations_id\`);`)
  await db.run(sql`CREATE INDEX \`guides_rels_pages_id_idx\` ON \`guides_rels\` (\`pages_id\`);`)
  await db.run(sql`ALTER TABLE \`_guides_v\` ADD \`version_unpublish_as\` text DEFAULT 'withdrawn';`)
  await db.run(sql`ALTER TABLE \`_guides_v_rels\` ADD \`news_id\` integer REFERENCES news(id);`)
  await db.run(sql`ALTER TABLE \`_guides_v_rels\` ADD \`guides_id\` integer REFERENCES guides(id);`)
  await db.run(sql`ALTER TABLE \`_guides_v_rels\` ADD \`leaflets_id\` integer REFERENCES leaflets(id);`)
  await db.run(sql`ALTER TABLE \`_guides_v_rels\` ADD \`handbook_id\` integer REFERENCES handbook(id);`)
  await db.run(sql`ALTER TABLE \`_guides_v_rels\` ADD \`consultations_id\` integer REFERENCES consultations(id);`)
  await db.run(sql`ALTER TABLE \`_guides_v_rels\` ADD \`pages_id\` integer REFERENCES pages(id);`)
  await db.run(sql`CREATE INDEX \`_guides_v_rels_news_id_idx\` ON \`_guides_v_rels\` (\`news_id\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_rels_guides_id_idx\` ON \`_guides_v_rels\` (\`guides_id\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_rels_leaflets_id_idx\` ON \`_guides_v_rels\` (\`leaflets_id\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_rels_handbook_id_idx\` ON \`_guides_v_rels\` (\`handbook_id\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_rels_consultations_id_idx\` ON \`_guides_v_rels\` (\`consultations_id\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_rels_pages_id_idx\` ON \`_guides_v_rels\` (\`pages_id\`);`)
  await db.run(sql`ALTER TABLE \`leaflets\` ADD \`unpublish_as\` text DEFAULT 'withdrawn';`)
  await db.run(sql`ALTER TABLE \`leaflets_rels\` ADD \`news_id\` integer REFERENCES news(id);`)
  await db.run(sql`ALTER TABLE \`leaflets_rels\` ADD \`guides_id\` integer REFERENCES guides(id);`)
  await db.run(sql`ALTER TABLE \`leaflets_rels\` ADD \`leaflets_id\` integer REFERENCES leaflets(id);`)
  await db.run(sql`ALTER TABLE \`leaflets_rels\` ADD \`handbook_id\` integer REFERENCES handbook(id);`)
  await db.run(sql`ALTER TABLE \`leaflets_rels\` ADD \`services_id\` integer REFERENCES services(id);`)
  await db.run(sql`ALTER TABLE \`leaflets_rels\` ADD \`consultations_id\` integer REFERENCES consultations(id);`)
  await db.run(sql`ALTER TABLE \`leaflets_rels\` ADD \`pages_id\` integer REFERENCES pages(id);`)
  await db.run(sql`CREATE INDEX \`leaflets_rels_news_id_idx\` ON \`leaflets_rels\` (\`news_id\`);`)
  await db.run(sql`CREATE INDEX \`leaflets_rels_guides_id_idx\` ON \`leaflets_rels\` (\`guides_id\`);`)
  await db.run(sql`CREATE INDEX \`leaflets_rels_leaflets_id_idx\` ON \`leaflets_rels\` (\`leaflets_id\`);`)
  await db.run(sql`CREATE INDEX \`leaflets_rels_handbook_id_idx\` ON \`leaflets_rels\` (\`handbook_id\`);`)
  await db.run(sql`CREATE INDEX \`leaflets_rels_services_id_idx\` ON \`leaflets_rels\` (\`services_id\`);`)
  await db.run(sql`CREATE INDEX \`leaflets_rels_consultations_id_idx\` ON \`leaflets_rels\` (\`consultations_id\`);`)
  await db.run(sql`CREATE INDEX \`leaflets_rels_pages_id_idx\` ON \`leaflets_rels\` (\`pages_id\`);`)
  await db.run(sql`ALTER TABLE \`_leaflets_v\` ADD \`version_unpublish_as\` text DEFAULT 'withdrawn';`)
  await db.run(sql`ALTER TABLE \`_leaflets_v_rels\` ADD \`news_id\` integer REFERENCES news(id);`)
  await db.run(sql`ALTER TABLE \`_leaflets_v_rels\` ADD \`guides_id\` integer REFERENCES guides(id);`)
  await db.run(sql`ALTER TABLE \`_leaflets_v_rels\` ADD \`leaflets_id\` integer REFERENCES leaflets(id);`)
  await db.run(sql`ALTER TABLE \`_leaflets_v_rels\` ADD \`handbook_id\` integer REFERENCES handbook(id);`)
  await db.run(sql`ALTER TABLE \`_leaflets_v_rels\` ADD \`services_id\` integer REFERENCES services(id);`)
  await db.run(sql`ALTER TABLE \`_leaflets_v_rels\` ADD \`consultations_id\` integer REFERENCES consultations(id);`)
  await db.run(sql`ALTER TABLE \`_leaflets_v_rels\` ADD \`pages_id\` integer REFERENCES pages(id);`)
  await db.run(sql`CREATE INDEX \`_leaflets_v_rels_news_id_idx\` ON \`_leaflets_v_rels\` (\`news_id\`);`)
  await db.run(sql`CREATE INDEX \`_leaflets_v_rels_guides_id_idx\` ON \`_leaflets_v_rels\` (\`guides_id\`);`)
  await db.run(sql`CREATE INDEX \`_leaflets_v_rels_leaflets_id_idx\` ON \`_leaflets_v_rels\` (\`leaflets_id\`);`)
  await db.run(sql`CREATE INDEX \`_leaflets_v_rels_handbook_id_idx\` ON \`_leaflets_v_rels\` (\`handbook_id\`);`)
  await db.run(sql`CREATE INDEX \`_leaflets_v_rels_services_id_idx\` ON \`_leaflets_v_rels\` (\`services_id\`);`)
  await db.run(sql`CREATE INDEX \`_leaflets_v_rels_consultations_id_idx\` ON \`_leaflets_v_rels\` (\`consultations_id\`);`)
  await db.run(sql`CREATE INDEX \`_leaflets_v_rels_pages_id_idx\` ON \`_leaflets_v_rels\` (\`pages_id\`);`)
  await db.run(sql`ALTER TABLE \`handbook\` ADD \`unpublish_as\` text DEFAULT 'withdrawn';`)
  await db.run(sql`ALTER TABLE \`_handbook_v\` ADD \`version_unpublish_as\` text DEFAULT 'withdrawn';`)
  await db.run(sql`ALTER TABLE \`services\` ADD \`unpublish_as\` text DEFAULT 'withdrawn';`)
  await db.run(sql`ALTER TABLE \`services_rels\` ADD \`news_id\` integer REFERENCES news(id);`)
  await db.run(sql`ALTER TABLE \`services_rels\` ADD \`guides_id\` integer REFERENCES guides(id);`)
  await db.run(sql`ALTER TABLE \`services_rels\` ADD \`leaflets_id\` integer REFERENCES leaflets(id);`)
  await db.run(sql`ALTER TABLE \`services_rels\` ADD \`handbook_id\` integer REFERENCES handbook(id);`)
  await db.run(sql`ALTER TABLE \`services_rels\` ADD \`services_id\` integer REFERENCES services(id);`)
  await db.run(sql`ALTER TABLE \`services_rels\` ADD \`consultations_id\` integer REFERENCES consultations(id);`)
  await db.run(sql`ALTER TABLE \`services_rels\` ADD \`pages_id\` integer REFERENCES pages(id);`)
  await db.run(sql`CREATE INDEX \`services_rels_news_id_idx\` ON \`services_rels\` (\`news_id\`);`)
  await db.run(sql`CREATE INDEX \`services_rels_guides_id_idx\` ON \`services_rels\` (\`guides_id\`);`)
  await db.run(sql`CREATE INDEX \`services_rels_leaflets_id_idx\` ON \`services_rels\` (\`leaflets_id\`);`)
  await db.run(sql`CREATE INDEX \`services_rels_handbook_id_idx\` ON \`services_rels\` (\`handbook_id\`);`)
  await db.run(sql`CREATE INDEX \`services_rels_services_id_idx\` ON \`services_rels\` (\`services_id\`);`)
  await db.run(sql`CREATE INDEX \`services_rels_consultations_id_idx\` ON \`services_rels\` (\`consultations_id\`);`)
  await db.run(sql`CREATE INDEX \`services_rels_pages_id_idx\` ON \`services_rels\` (\`pages_id\`);`)
  await db.run(sql`ALTER TABLE \`_services_v\` ADD \`version_unpublish_as\` text DEFAULT 'withdrawn';`)
  await db.run(sql`ALTER TABLE \`_services_v_rels\` ADD \`news_id\` integer REFERENCES news(id);`)
  await db.run(sql`ALTER TABLE \`_services_v_rels\` ADD \`guides_id\` integer REFERENCES guides(id);`)
  await db.run(sql`ALTER TABLE \`_services_v_rels\` ADD \`leaflets_id\` integer REFERENCES leaflets(id);`)
  await db.run(sql`ALTER TABLE \`_services_v_rels\` ADD \`handbook_id\` integer REFERENCES handbook(id);`)
  await db.run(sql`ALTER TABLE \`_services_v_rels\` ADD \`services_id\` integer REFERENCES services(id);`)
  await db.run(sql`ALTER TABLE \`_services_v_rels\` ADD \`consultations_id\` integer REFERENCES consultations(id);`)
  await db.run(sql`ALTER TABLE \`_services_v_rels\` ADD \`pages_id\` integer REFERENCES pages(id);`)
  await db.run(sql`CREATE INDEX \`_services_v_rels_news_id_idx\` ON \`_services_v_rels\` (\`news_id\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_rels_guides_id_idx\` ON \`_services_v_rels\` (\`guides_id\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_rels_leaflets_id_idx\` ON \`_services_v_rels\` (\`leaflets_id\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_rels_handbook_id_idx\` ON \`_services_v_rels\` (\`handbook_id\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_rels_services_id_idx\` ON \`_services_v_rels\` (\`services_id\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_rels_consultations_id_idx\` ON \`_services_v_rels\` (\`consultations_id\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_rels_pages_id_idx\` ON \`_services_v_rels\` (\`pages_id\`);`)
  await db.run(sql`ALTER TABLE \`consultations\` ADD \`unpublish_as\` text DEFAULT 'withdrawn';`)
  await db.run(sql`ALTER TABLE \`consultations_rels\` ADD \`news_id\` integer REFERENCES news(id);`)
  await db.run(sql`ALTER TABLE \`consultations_rels\` ADD \`guides_id\` integer REFERENCES guides(id);`)
  await db.run(sql`ALTER TABLE \`consultations_rels\` ADD \`leaflets_id\` integer REFERENCES leaflets(id);`)
  await db.run(sql`ALTER TABLE \`consultations_rels\` ADD \`handbook_id\` integer REFERENCES handbook(id);`)
  await db.run(sql`ALTER TABLE \`consultations_rels\` ADD \`services_id\` integer REFERENCES services(id);`)
  await db.run(sql`ALTER TABLE \`consultations_rels\` ADD \`consultations_id\` integer REFERENCES consultations(id);`)
  await db.run(sql`ALTER TABLE \`consultations_rels\` ADD \`pages_id\` integer REFERENCES pages(id);`)
  await db.run(sql`CREATE INDEX \`consultations_rels_news_id_idx\` ON \`consultations_rels\` (\`news_id\`);`)
  await db.run(sql`CREATE INDEX \`consultations_rels_guides_id_idx\` ON \`consultations_rels\` (\`guides_id\`);`)
  await db.run(sql`CREATE INDEX \`consultations_rels_leaflets_id_idx\` ON \`consultations_rels\` (\`leaflets_id\`);`)
  await db.run(sql`CREATE INDEX \`consultations_rels_handbook_id_idx\` ON \`consultations_rels\` (\`handbook_id\`);`)
  await db.run(sql`CREATE INDEX \`consultations_rels_services_id_idx\` ON \`consultations_rels\` (\`services_id\`);`)
  await db.run(sql`CREATE INDEX \`consultations_rels_consultations_id_idx\` ON \`consultations_rels\` (\`consultations_id\`);`)
  await db.run(sql`CREATE INDEX \`consultations_rels_pages_id_idx\` ON \`consultations_rels\` (\`pages_id\`);`)
  await db.run(sql`ALTER TABLE \`_consultations_v\` ADD \`version_unpublish_as\` text DEFAULT 'withdrawn';`)
  await db.run(sql`ALTER TABLE \`_consultations_v_rels\` ADD \`news_id\` integer REFERENCES news(id);`)
  await db.run(sql`ALTER TABLE \`_consultations_v_rels\` ADD \`guides_id\` integer REFERENCES guides(id);`)
  await db.run(sql`ALTER TABLE \`_consultations_v_rels\` ADD \`leaflets_id\` integer REFERENCES leaflets(id);`)
  await db.run(sql`ALTER TABLE \`_consultations_v_rels\` ADD \`handbook_id\` integer REFERENCES handbook(id);`)
  await db.run(sql`ALTER TABLE \`_consultations_v_rels\` ADD \`services_id\` integer REFERENCES services(id);`)
  await db.run(sql`ALTER TABLE \`_consultations_v_rels\` ADD \`consultations_id\` integer REFERENCES consultations(id);`)
  await db.run(sql`ALTER TABLE \`_consultations_v_rels\` ADD \`pages_id\` integer REFERENCES pages(id);`)
  await db.run(sql`CREATE INDEX \`_consultations_v_rels_news_id_idx\` ON \`_consultations_v_rels\` (\`news_id\`);`)
  await db.run(sql`CREATE INDEX \`_consultations_v_rels_guides_id_idx\` ON \`_consultations_v_rels\` (\`guides_id\`);`)
  await db.run(sql`CREATE INDEX \`_consultations_v_rels_leaflets_id_idx\` ON \`_consultations_v_rels\` (\`leaflets_id\`);`)
  await db.run(sql`CREATE INDEX \`_consultations_v_rels_handbook_id_idx\` ON \`_consultations_v_rels\` (\`handbook_id\`);`)
  await db.run(sql`CREATE INDEX \`_consultations_v_rels_services_id_idx\` ON \`_consultations_v_rels\` (\`services_id\`);`)
  await db.run(sql`CREATE INDEX \`_consultations_v_rels_consultations_id_idx\` ON \`_consultations_v_rels\` (\`consultations_id\`);`)
  await db.run(sql`CREATE INDEX \`_consultations_v_rels_pages_id_idx\` ON \`_consultations_v_rels\` (\`pages_id\`);`)
  await db.run(sql`ALTER TABLE \`pages\` ADD \`unpublish_as\` text DEFAULT 'withdrawn';`)
  await db.run(sql`ALTER TABLE \`_pages_v\` ADD \`version_unpublish_as\` text DEFAULT 'withdrawn';`)
  await db.run(sql`ALTER TABLE \`topics\` ADD \`unpublish_as\` text DEFAULT 'withdrawn';`)
  await db.run(sql`ALTER TABLE \`_topics_v\` ADD \`version_unpublish_as\` text DEFAULT 'withdrawn';`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`redirects_id\` integer REFERENCES redirects(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_redirects_id_idx\` ON \`payload_locked_documents_rels\` (\`redirects_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`handbook_rels\`;`)
  await db.run(sql`DROP TABLE \`_handbook_v_rels\`;`)
  await db.run(sql`DROP TABLE \`pages_rels\`;`)
  await db.run(sql`DROP TABLE \`_pages_v_rels\`;`)
  await db.run(sql`DROP TABLE \`topics_rels\`;`)
  await db.run(sql`DROP TABLE \`_topics_v_rels\`;`)
  await db.run(sql`DROP TABLE \`redirects\`;`)
  await db.run(sql`DROP TABLE \`redirects_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_news_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`news_id\` integer,
  	\`guides_id\` integer,
  	\`leaflets_id\` integer,
  	\`services_id\` integer,
  	\`consultations_id\` integer,
  	\`pages_id\` integer,
  	\`topics_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`news_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`guides_id\`) REFERENCES \`guides\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`leaflets_id\`) REFERENCES \`leaflets\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`services_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`consultations_id\`) REFERENCES \`consultations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pages_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_news_rels\`("id", "order", "parent_id", "path", "news_id", "guides_id", "leaflets_id", "services_id", "consultations_id", "pages_id", "topics_id") SELECT "id", "order", "parent_id", "path", "news_id", "guides_id", "leaflets_id", "services_id", "consultations_id", "pages_id", "topics_id" FROM \`news_rels\`;`)
  await db.run(sql`DROP TABLE \`news_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_news_rels\` RENAME TO \`news_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`news_rels_order_idx\` ON \`news_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`news_rels_parent_idx\` ON \`news_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`news_rels_path_idx\` ON \`news_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`news_rels_news_id_idx\` ON \`news_rels\` (\`news_id\`);`)
  await db.run(sql`CREATE INDEX \`news_rels_guides_id_idx\` ON \`news_rels\` (\`guides_id\`);`)
  await db.run(sql`CREATE INDEX \`news_rels_leaflets_id_idx\` ON \`news_rels\` (\`leaflets_id\`);`)
  await db.run(sql`CREATE INDEX \`news_rels_services_id_idx\` ON \`news_rels\` (\`services_id\`);`)
  await db.run(sql`CREATE INDEX \`news_rels_consultations_id_idx\` ON \`news_rels\` (\`consultations_id\`);`)
  await db.run(sql`CREATE INDEX \`news_rels_pages_id_idx\` ON \`news_rels\` (\`pages_id\`);`)
  await db.run(sql`CREATE INDEX \`news_rels_topics_id_idx\` ON \`news_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__news_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`news_id\` integer,
  	\`guides_id\` integer,
  	\`leaflets_id\` integer,
  	\`services_id\` integer,
  	\`consultations_id\` integer,
  	\`pages_id\` integer,
  	\`topics_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_news_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`news_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`guides_id\`) REFERENCES \`guides\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`leaflets_id\`) REFERENCES \`leaflets\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`services_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`consultations_id\`) REFERENCES \`consultations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pages_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__news_v_rels\`("id", "order", "parent_id", "path", "news_id", "guides_id", "leaflets_id", "services_id", "consultations_id", "pages_id", "topics_id") SELECT "id", "order", "parent_id", "path", "news_id", "guides_id", "leaflets_id", "services_id", "consultations_id", "pages_id", "topics_id" FROM \`_news_v_rels\`;`)
  await db.run(sql`DROP TABLE \`_news_v_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new__news_v_rels\` RENAME TO \`_news_v_rels\`;`)
  await db.run(sql`CREATE INDEX \`_news_v_rels_order_idx\` ON \`_news_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_rels_parent_idx\` ON \`_news_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_rels_path_idx\` ON \`_news_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_rels_news_id_idx\` ON \`_news_v_rels\` (\`news_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_rels_guides_id_idx\` ON \`_news_v_rels\` (\`guides_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_rels_leaflets_id_idx\` ON \`_news_v_rels\` (\`leaflets_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_rels_services_id_idx\` ON \`_news_v_rels\` (\`services_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_rels_consultations_id_idx\` ON \`_news_v_rels\` (\`consultations_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_rels_pages_id_idx\` ON \`_news_v_rels\` (\`pages_id\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_rels_topics_id_idx\` ON \`_news_v_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_guides_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`services_id\` integer,
  	\`topics_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`guides\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`services_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_guides_rels\`("id", "order", "parent_id", "path", "services_id", "topics_id") SELECT "id", "order", "parent_id", "path", "services_id", "topics_id" FROM \`guides_rels\`;`)
  await db.run(sql`DROP TABLE \`guides_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_guides_rels\` RENAME TO \`guides_rels\`;`)
  await db.run(sql`CREATE INDEX \`guides_rels_order_idx\` ON \`guides_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`guides_rels_parent_idx\` ON \`guides_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`guides_rels_path_idx\` ON \`guides_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`guides_rels_services_id_idx\` ON \`guides_rels\` (\`services_id\`);`)
  await db.run(sql`CREATE INDEX \`guides_rels_topics_id_idx\` ON \`guides_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__guides_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`services_id\` integer,
  	\`topics_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_guides_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`services_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__guides_v_rels\`("id", "order", "parent_id", "path", "services_id", "topics_id") SELECT "id", "order", "parent_id", "path", "services_id", "topics_id" FROM \`_guides_v_rels\`;`)
  await db.run(sql`DROP TABLE \`_guides_v_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new__guides_v_rels\` RENAME TO \`_guides_v_rels\`;`)
  await db.run(sql`CREATE INDEX \`_guides_v_rels_order_idx\` ON \`_guides_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_rels_parent_idx\` ON \`_guides_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_rels_path_idx\` ON \`_guides_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_rels_services_id_idx\` ON \`_guides_v_rels\` (\`services_id\`);`)
  await db.run(sql`CREATE INDEX \`_guides_v_rels_topics_id_idx\` ON \`_guides_v_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_leaflets_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`topics_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`leaflets\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_leaflets_rels\`("id", "order", "parent_id", "path", "topics_id") SELECT "id", "order", "parent_id", "path", "topics_id" FROM \`leaflets_rels\`;`)
  await db.run(sql`DROP TABLE \`leaflets_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_leaflets_rels\` RENAME TO \`leaflets_rels\`;`)
  await db.run(sql`CREATE INDEX \`leaflets_rels_order_idx\` ON \`leaflets_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`leaflets_rels_parent_idx\` ON \`leaflets_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`leaflets_rels_path_idx\` ON \`leaflets_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`leaflets_rels_topics_id_idx\` ON \`leaflets_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__leaflets_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`topics_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_leaflets_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__leaflets_v_rels\`("id", "order", "parent_id", "path", "topics_id") SELECT "id", "order", "parent_id", "path", "topics_id" FROM \`_leaflets_v_rels\`;`)
  await db.run(sql`DROP TABLE \`_leaflets_v_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new__leaflets_v_rels\` RENAME TO \`_leaflets_v_rels\`;`)
  await db.run(sql`CREATE INDEX \`_leaflets_v_rels_order_idx\` ON \`_leaflets_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_leaflets_v_rels_parent_idx\` ON \`_leaflets_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_leaflets_v_rels_path_idx\` ON \`_leaflets_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_leaflets_v_rels_topics_id_idx\` ON \`_leaflets_v_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_services_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`topics_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_services_rels\`("id", "order", "parent_id", "path", "topics_id") SELECT "id", "order", "parent_id", "path", "topics_id" FROM \`services_rels\`;`)
  await db.run(sql`DROP TABLE \`services_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_services_rels\` RENAME TO \`services_rels\`;`)
  await db.run(sql`CREATE INDEX \`services_rels_order_idx\` ON \`services_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`services_rels_parent_idx\` ON \`services_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`services_rels_path_idx\` ON \`services_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`services_rels_topics_id_idx\` ON \`services_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__services_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`topics_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_services_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__services_v_rels\`("id", "order", "parent_id", "path", "topics_id") SELECT "id", "order", "parent_id", "path", "topics_id" FROM \`_services_v_rels\`;`)
  await db.run(sql`DROP TABLE \`_services_v_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new__services_v_rels\` RENAME TO \`_services_v_rels\`;`)
  await db.run(sql`CREATE INDEX \`_services_v_rels_order_idx\` ON \`_services_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_rels_parent_idx\` ON \`_services_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_rels_path_idx\` ON \`_services_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_services_v_rels_topics_id_idx\` ON \`_services_v_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_consultations_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`documents_id\` integer,
  	\`topics_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`consultations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`documents_id\`) REFERENCES \`documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_consultations_rels\`("id", "order", "parent_id", "path", "documents_id", "topics_id") SELECT "id", "order", "parent_id", "path", "documents_id", "topics_id" FROM \`consultations_rels\`;`)
  await db.run(sql`DROP TABLE \`consultations_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_consultations_rels\` RENAME TO \`consultations_rels\`;`)
  await db.run(sql`CREATE INDEX \`consultations_rels_order_idx\` ON \`consultations_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`consultations_rels_parent_idx\` ON \`consultations_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`consultations_rels_path_idx\` ON \`consultations_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`consultations_rels_documents_id_idx\` ON \`consultations_rels\` (\`documents_id\`);`)
  await db.run(sql`CREATE INDEX \`consultations_rels_topics_id_idx\` ON \`consultations_rels\` (\`topics_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__consultations_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`documents_id\` integer,
  	\`topics_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_consultations_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`documents_id\`) REFERENCES \`documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`topics_id\`) REFERENCES \`topics\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__consultations_v_rels\`("id", "order", "parent_id", "path", "documents_id", "topics_id") SELECT "id", "order", "parent_id", "path", "documents_id", "topics_id" FROM \`_consultations_v_rels\`;`)
  await db.run(sql`DROP TABLE \`_consultations_v_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new__consultations_v_rels\` RENAME TO \`_consultations_v_rels\`;`)
  await db.run(sql`CREATE INDEX \`_consultations_v_rels_order_idx\` ON \`_consultations_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_consultations_v_rels_parent_idx\` ON \`_consultations_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_consultations_v_rels_path_idx\` ON \`_consultations_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_consultations_v_rels_documents_id_idx\` ON \`_consultations_v_rels\` (\`documents_id\`);`)
  await db.run(sql`CREATE INDEX \`_consultations_v_rels_topics_id_idx\` ON \`_consultations_v_rels\` (\`topics_id\`);`)
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
  	\`consultation_responses_id\` integer,
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
  	FOREIGN KEY (\`consultation_responses_id\`) REFERENCES \`consultation_responses\`(\`id\`) ON UPDATE no action ON DELETE cascade,
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
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "news_id", "guides_id", "leaflets_id", "handbook_id", "services_id", "consultations_id", "consultation_responses_id", "pages_id", "topics_id", "alerts_id", "media_id", "documents_id", "users_id", "site_builds_id", "subscribers_id", "content_changes_id", "newsletter_runs_id", "email_outbox_id", "seed_records_id") SELECT "id", "order", "parent_id", "path", "news_id", "guides_id", "leaflets_id", "handbook_id", "services_id", "consultations_id", "consultation_responses_id", "pages_id", "topics_id", "alerts_id", "media_id", "documents_id", "users_id", "site_builds_id", "subscribers_id", "content_changes_id", "newsletter_runs_id", "email_outbox_id", "seed_records_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_news_id_idx\` ON \`payload_locked_documents_rels\` (\`news_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_guides_id_idx\` ON \`payload_locked_documents_rels\` (\`guides_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_leaflets_id_idx\` ON \`payload_locked_documents_rels\` (\`leaflets_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_handbook_id_idx\` ON \`payload_locked_documents_rels\` (\`handbook_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_services_id_idx\` ON \`payload_locked_documents_rels\` (\`services_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_consultations_id_idx\` ON \`payload_locked_documents_rels\` (\`consultations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_consultation_responses_id_idx\` ON \`payload_locked_documents_rels\` (\`consultation_responses_id\`);`)
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
  await db.run(sql`ALTER TABLE \`news\` DROP COLUMN \`unpublish_as\`;`)
  await db.run(sql`ALTER TABLE \`_news_v\` DROP COLUMN \`version_unpublish_as\`;`)
  await db.run(sql`ALTER TABLE \`guides\` DROP COLUMN \`unpublish_as\`;`)
  await db.run(sql`ALTER TABLE \`_guides_v\` DROP COLUMN \`version_unpublish_as\`;`)
  await db.run(sql`ALTER TABLE \`leaflets\` DROP COLUMN \`unpublish_as\`;`)
  await db.run(sql`ALTER TABLE \`_leaflets_v\` DROP COLUMN \`version_unpublish_as\`;`)
  await db.run(sql`ALTER TABLE \`handbook\` DROP COLUMN \`unpublish_as\`;`)
  await db.run(sql`ALTER TABLE \`_handbook_v\` DROP COLUMN \`version_unpublish_as\`;`)
  await db.run(sql`ALTER TABLE \`services\` DROP COLUMN \`unpublish_as\`;`)
  await db.run(sql`ALTER TABLE \`_services_v\` DROP COLUMN \`version_unpublish_as\`;`)
  await db.run(sql`ALTER TABLE \`consultations\` DROP COLUMN \`unpublish_as\`;`)
  await db.run(sql`ALTER TABLE \`_consultations_v\` DROP COLUMN \`version_unpublish_as\`;`)
  await db.run(sql`ALTER TABLE \`pages\` DROP COLUMN \`unpublish_as\`;`)
  await db.run(sql`ALTER TABLE \`_pages_v\` DROP COLUMN \`version_unpublish_as\`;`)
  await db.run(sql`ALTER TABLE \`topics\` DROP COLUMN \`unpublish_as\`;`)
  await db.run(sql`ALTER TABLE \`_topics_v\` DROP COLUMN \`version_unpublish_as\`;`)
}
