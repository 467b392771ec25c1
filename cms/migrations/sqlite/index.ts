import * as migration_20261121_104412_initial from './20261121_104412_initial';
import * as migration_20261121_114236_site_builds from './20261121_114236_site_builds';
import * as migration_20261121_132919_newsletter from './20261121_132919_newsletter';
import * as migration_20261121_135948_consultation_responses from './20261121_135948_consultation_responses';
import * as migration_20261201_120438_site_builds_detail from './20261201_120438_site_builds_detail';
import * as migration_20261201_122457_newsletter_runs_suspended from './20261201_122457_newsletter_runs_suspended';
import * as migration_20261202_044300_access_ownership_file_use from './20261202_044300_access_ownership_file_use';
import * as migration_20261202_051149_content_changes_withdrawn from './20261202_051149_content_changes_withdrawn';
import * as migration_20261202_102527_city_name_cases from './20261202_102527_city_name_cases';
import * as migration_20261202_191946_old_addresses from './20261202_191946_old_addresses';
import * as migration_20261202_195655_review from './20261202_195655_review';
import * as migration_20261203_055928_upkeep from './20261203_055928_upkeep';
import * as migration_20261203_094833_identity from './20261203_094833_identity';

export const migrations = [
  {
    up: migration_20261121_104412_initial.up,
    down: migration_20261121_104412_initial.down,
    name: '20261121_104412_initial',
  },
  {
    up: migration_20261121_114236_site_builds.up,
    down: migration_20261121_114236_site_builds.down,
    name: '20261121_114236_site_builds',
  },
  {
    up: migration_20261121_132919_newsletter.up,
    down: migration_20261121_132919_newsletter.down,
    name: '20261121_132919_newsletter',
  },
  {
    up: migration_20261121_135948_consultation_responses.up,
    down: migration_20261121_135948_consultation_responses.down,
    name: '20261121_135948_consultation_responses',
  },
  {
    up: migration_20261201_120438_site_builds_detail.up,
    down: migration_20261201_120438_site_builds_detail.down,
    name: '20261201_120438_site_builds_detail',
  },
  {
    up: migration_20261201_122457_newsletter_runs_suspended.up,
    down: migration_20261201_122457_newsletter_runs_suspended.down,
    name: '20261201_122457_newsletter_runs_suspended',
  },
  {
    up: migration_20261202_044300_access_ownership_file_use.up,
    down: migration_20261202_044300_access_ownership_file_use.down,
    name: '20261202_044300_access_ownership_file_use',
  },
  {
    up: migration_20261202_051149_content_changes_withdrawn.up,
    down: migration_20261202_051149_content_changes_withdrawn.down,
    name: '20261202_051149_content_changes_withdrawn',
  },
  {
    up: migration_20261202_102527_city_name_cases.up,
    down: migration_20261202_102527_city_name_cases.down,
    name: '20261202_102527_city_name_cases',
  },
  {
    up: migration_20261202_191946_old_addresses.up,
    down: migration_20261202_191946_old_addresses.down,
    name: '20261202_191946_old_addresses',
  },
  {
    up: migration_20261202_195655_review.up,
    down: migration_20261202_195655_review.down,
    name: '20261202_195655_review',
  },
  {
    up: migration_20261203_055928_upkeep.up,
    down: migration_20261203_055928_upkeep.down,
    name: '20261203_055928_upkeep',
  },
  {
    up: migration_20261203_094833_identity.up,
    down: migration_20261203_094833_identity.down,
    name: '20261203_094833_identity'
  },
];
