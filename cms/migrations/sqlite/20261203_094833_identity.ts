import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`settings_top_tasks\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`icon\` text DEFAULT 'document',
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`settings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`settings_top_tasks_order_idx\` ON \`settings_top_tasks\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`settings_top_tasks_parent_id_idx\` ON \`settings_top_tasks\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`settings_top_tasks_locales\` (
  	\`label\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`settings_top_tasks\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`settings_top_tasks_locales_locale_parent_id_unique\` ON \`settings_top_tasks_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`settings_top_tasks_locales_parent_idx\` ON \`settings_top_tasks_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`settings_navigation\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`section\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`settings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`settings_navigation_order_idx\` ON \`settings_navigation\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`settings_navigation_parent_id_idx\` ON \`settings_navigation\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`settings_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`services_id\` integer,
  	\`guides_id\` integer,
  	\`handbook_id\` integer,
  	\`pages_id\` integer,
  	\`leaflets_id\` integer,
  	\`consultations_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`settings\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`services_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`guides_id\`) REFERENCES \`guides\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`handbook_id\`) REFERENCES \`handbook\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pages_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`leaflets_id\`) REFERENCES \`leaflets\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`consultations_id\`) REFERENCES \`consultations\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`settings_rels_order_idx\` ON \`settings_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`settings_rels_parent_idx\` ON \`settings_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`settings_rels_path_idx\` ON \`settings_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`settings_rels_services_id_idx\` ON \`settings_rels\` (\`services_id\`);`)
  await db.run(sql`CREATE INDEX \`settings_rels_guides_id_idx\` ON \`settings_rels\` (\`guides_id\`);`)
  await db.run(sql`CREATE INDEX \`settings_rels_handbook_id_idx\` ON \`settings_rels\` (\`handbook_id\`);`)
  await db.run(sql`CREATE INDEX \`settings_rels_pages_id_idx\` ON \`settings_rels\` (\`pages_id\`);`)
  await db.run(sql`CREATE INDEX \`settings_rels_leaflets_id_idx\` ON \`settings_rels\` (\`leaflets_id\`);`)
  await db.run(sql`CREATE INDEX \`settings_rels_consultations_id_idx\` ON \`settings_rels\` (\`consultations_id\`);`)
  await db.run(sql`CREATE TABLE \`_settings_v_version_top_tasks\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`icon\` text DEFAULT 'document',
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_settings_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_settings_v_version_top_tasks_order_idx\` ON \`_settings_v_version_top_tasks\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_settings_v_version_top_tasks_parent_id_idx\` ON \`_settings_v_version_top_tasks\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_settings_v_version_top_tasks_locales\` (
  	\`label\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_settings_v_version_top_tasks\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_settings_v_version_top_tasks_locales_locale_parent_id_uniqu\` ON \`_settings_v_version_top_tasks_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_settings_v_version_top_tasks_locales_parent_idx\` ON \`_settings_v_version_top_tasks_locales\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_settings_v_version_navigation\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`section\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_settings_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_settings_v_version_navigation_order_idx\` ON \`_settings_v_version_navigation\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_settings_v_version_navigation_parent_id_idx\` ON \`_settings_v_version_navigation\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_settings_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`services_id\` integer,
  	\`guides_id\` integer,
  	\`handbook_id\` integer,
  	\`pages_id\` integer,
  	\`leaflets_id\` integer,
  	\`consultations_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_settings_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`services_id\`) REFERENCES \`services\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`guides_id\`) REFERENCES \`guides\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`handbook_id\`) REFERENCES \`handbook\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pages_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`leaflets_id\`) REFERENCES \`leaflets\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`consultations_id\`) REFERENCES \`consultations\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_settings_v_rels_order_idx\` ON \`_settings_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_settings_v_rels_parent_idx\` ON \`_settings_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_settings_v_rels_path_idx\` ON \`_settings_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_settings_v_rels_services_id_idx\` ON \`_settings_v_rels\` (\`services_id\`);`)
  await db.run(sql`CREATE INDEX \`_settings_v_rels_guides_id_idx\` ON \`_settings_v_rels\` (\`guides_id\`);`)
  await db.run(sql`CREATE INDEX \`_settings_v_rels_handbook_id_idx\` ON \`_settings_v_rels\` (\`handbook_id\`);`)
  await db.run(sql`CREATE INDEX \`_settings_v_rels_pages_id_idx\` ON \`_settings_v_rels\` (\`pages_id\`);`)
  await db.run(sql`CREATE INDEX \`_settings_v_rels_leaflets_id_idx\` ON \`_settings_v_rels\` (\`leaflets_id\`);`)
  await db.run(sql`CREATE INDEX \`_settings_v_rels_consultations_id_idx\` ON \`_settings_v_rels\` (\`consultations_id\`);`)
  await db.run(sql`ALTER TABLE \`settings\` ADD \`brand_colour\` text;`)
  await db.run(sql`ALTER TABLE \`settings\` ADD \`brand_colour_dark\` text;`)
  await db.run(sql`ALTER TABLE \`_settings_v\` ADD \`version_brand_colour\` text;`)
  await db.run(sql`ALTER TABLE \`_settings_v\` ADD \`version_brand_colour_dark\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`settings_top_tasks\`;`)
  await db.run(sql`DROP TABLE \`settings_top_tasks_locales\`;`)
  await db.run(sql`DROP TABLE \`settings_navigation\`;`)
  await db.run(sql`DROP TABLE \`settings_rels\`;`)
  await db.run(sql`DROP TABLE \`_settings_v_version_top_tasks\`;`)
  await db.run(sql`DROP TABLE \`_settings_v_version_top_tasks_locales\`;`)
  await db.run(sql`DROP TABLE \`_settings_v_version_navigation\`;`)
  await db.run(sql`DROP TABLE \`_settings_v_rels\`;`)
  await db.run(sql`ALTER TABLE \`settings\` DROP COLUMN \`brand_colour\`;`)
  await db.run(sql`ALTER TABLE \`settings\` DROP COLUMN \`brand_colour_dark\`;`)
  await db.run(sql`ALTER TABLE \`_settings_v\` DROP COLUMN \`version_brand_colour\`;`)
  await db.run(sql`ALTER TABLE \`_settings_v\` DROP COLUMN \`version_brand_colour_dark\`;`)
}
