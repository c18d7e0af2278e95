/** Roles, write permissions and region scopes — the pure access rules of the platform. */

export const ROLES = ['admin', 'chief', 'analyst', 'attraction', 'land', 'innovation', 'fund', 'firm', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** What a write touches. Each module names its resource when it registers a write route. */
export const RESOURCES = [
  'users',
  'rules',
  'chains',
  'enterprises',
  'imports',
  'flows',
  'projects',
  'parcels',
  'attraction',
  'innovation',
  'funds',
  'evaluation',
] as const;
export type Resource = (typeof RESOURCES)[number];

const WRITES: Record<Role, readonly Resource[]> = {
  admin: RESOURCES,
  chief: ['chains', 'projects'],
  analyst: ['chains', 'enterprises', 'imports', 'flows', 'evaluation'],
  attraction: ['attraction', 'projects'],
  land: ['projects', 'parcels'],
  innovation: ['innovation'],
  fund: ['funds'],
  firm: [],
  viewer: [],
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function canWrite(role: Role, resource: Resource): boolean {
  return WRITES[role].includes(resource);
}

export function writableResources(role: Role): readonly Resource[] {
  return WRITES[role];
}

/** A scope is a GB/T 2260 code or a prefix of one: '33' covers every region of Zhejiang. */
export function isRegionInScope(scopes: readonly string[], regionCode: string): boolean {
  return scopes.some((prefix) => regionCode.startsWith(prefix));
}

const SCOPE_PATTERN = /^\d{2}(\d{2}){0,2}$/;

/** Scopes are 2, 4 or 6 digits (province, city, county). Returns the reason when invalid. */
export function checkScope(scope: string): string | undefined {
  return SCOPE_PATTERN.test(scope) ? undefined : 'must be a GB/T 2260 code of 2, 4 or 6 digits';
}

/** Replaces the listed fields by null unless the viewer may see sensitive figures. */
export function maskFields<T extends Record<string, unknown>>(
  row: T,
  fields: readonly (keyof T)[],
  canSeeSensitive: boolean,
): T {
  if (canSeeSensitive) return row;
  const copy: T = { ...row };
  for (const field of fields) {
    if (field in copy) copy[field] = null as T[keyof T];
  }
  return copy;
}
