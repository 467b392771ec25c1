import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`settings_locales\` ADD \`city_name_cases_genitive\` text;`)
  await db.run(sql`ALTER TABLE \`settings_locales\` ADD \`city_name_cases_locative\` text;`)
  await db.run(sql`ALTER TABLE \`_settings_v_locales\` ADD \`version_city_name_cases_genitive\` text;`)
  await db.run(sql`ALTER TABLE \`_settings_v_locales\` ADD \`version_city_name_cases_locative\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`settings_locales\` DROP COLUMN \`city_name_cases_genitive\`;`)
  await db.run(sql`ALTER TABLE \`settings_locales\` DROP COLUMN \`city_name_cases_locative\`;`)
  await db.run(sql`ALTER TABLE \`_settings_v_locales\` DROP COLUMN \`version_city_name_cases_genitive\`;`)
  await db.run(sql`ALTER TABLE \`_settings_v_locales\` DROP COLUMN \`version_city_name_cases_locative\`;`)
}
