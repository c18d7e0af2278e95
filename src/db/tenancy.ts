/**
 * The tenancy rule: every tenant table carries `region_code` as the first column of its primary key and of
 * every foreign key, so that the schema distributes on Citus by region. Tables outside that rule are listed
 * here explicitly; tests/tenancy.test.ts walks the live schema and fails on any other table that breaks it.
 */

/** Code lists shared by all tenants (Citus reference tables). */
export const REFERENCE_TABLES = ['regions', 'industry_classes'] as const;

/** Platform tables that span tenants: users may be scoped to a province, the audit log covers all regions. */
export const SYSTEM_TABLES = ['users', 'user_scopes', 'sessions', 'audit_log'] as const;
