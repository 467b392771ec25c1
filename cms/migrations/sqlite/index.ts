import * as migration_20261121_104412_initial from './20261121_104412_initial';

export const migrations = [
  {
    up: migration_20261121_104412_initial.up,
    down: migration_20261121_104412_initial.down,
    name: '20261121_104412_initial'
  },
];
