// Every module's tables, in one namespace for Drizzle and drizzle-kit.
export * from '../modules/auth/auth.schema.ts';
export * from '../modules/chains/chains.schema.ts';
export * from '../modules/enterprises/enterprises.schema.ts';
export * from '../modules/enterprises/profileEdit.schema.ts';
export * from '../modules/parks/parks.schema.ts';
export * from '../modules/regions/regions.schema.ts';
export * from '../modules/tenants/tenants.schema.ts';
export * from '../modules/attraction/attraction.schema.ts';
export * from '../modules/funds/funds.schema.ts';
export * from '../modules/innovation/innovation.schema.ts';
export * from '../modules/projects/projects.schema.ts';
export * from '../modules/supply/supply.schema.ts';
export * from '../modules/imports/imports.schema.ts';
export * from '../modules/resolution/resolution.schema.ts';
export * from '../modules/roads/roads.schema.ts';
