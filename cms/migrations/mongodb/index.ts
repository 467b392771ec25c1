// MongoDB needs no schema migrations: collections and indexes are created by the
// adapter on connect. Data migrations for MongoDB go here when they are needed.
export const migrations = []
