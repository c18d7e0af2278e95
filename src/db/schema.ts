// Every module's tables, in one namespace for Drizzle and drizzle-kit.
export * from '../modules/auth/auth.schema.ts';
export * from '../modules/chains/chains.schema.ts';
export * from '../modules/enterprises/enterprises.schema.ts';
export * from '../modules/parks/parks.schema.ts';
export * from '../modules/regions/regions.schema.ts';
export * from '../modules/tenants/tenants.schema.ts';
