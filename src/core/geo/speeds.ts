/**
 * Car speeds and directions of an OSM way, per METHODS §4 (the OSRM car profile's conventions, without turn
 * penalties): speed by `highway` in km/h, a numeric `maxspeed` overriding it at 80 %, one-way rules and
 * `access=no|private` exclusion.
 */

/** km/h by `highway`; ways of any other class are not routed. The order gives each class its code. */
export const HIGHWAY_SPEEDS_KMH = {
  motorway: 90,
  motorway_link: 45,
  trunk: 85,
  trunk_link: 40,
  primary: 65,
  primary_link: 30,
  secondary: 55,
  secondary_link: 25,
  tertiary: 40,
  tertiary_link: 20,
  unclassified: 25,
  residential: 25,
  living_street: 10,
  service: 15,
} as const;

export type HighwayClass = keyof typeof HIGHWAY_SPEEDS_KMH;

/** Class codes as stored per segment (index into this list). */
export const HIGHWAY_CLASSES: readonly HighwayClass[] = Object.keys(HIGHWAY_SPEEDS_KMH).filter(isHighwayClass);

/** A numeric maxspeed counts at this share: free-flow cars rarely drive the limit (OSRM car.lua). */
export const MAXSPEED_FACTOR = 0.8;

export interface WayRouting {
  highway: HighwayClass;
  classCode: number;
  speedKmh: number;
  isForward: boolean;
  isBackward: boolean;
}

function isHighwayClass(value: string): value is HighwayClass {
  return Object.hasOwn(HIGHWAY_SPEEDS_KMH, value);
}

/** A plain number of km/h ("50", "50.5"); other forms (mph, "FR:urban", "none", "signals") are ignored. */
export function parseMaxspeedKmh(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return undefined;
  const kmh = Number(trimmed);
  return kmh > 0 ? kmh : undefined;
}

/** How a car may use this way, or undefined when it is not routed. */
export function routeWay(tags: Readonly<Record<string, string>>): WayRouting | undefined {
  const highway = tags.highway;
  if (highway === undefined || !isHighwayClass(highway)) return undefined;
  const access = tags.access;
  if (access === 'no' || access === 'private') return undefined;
  const maxspeed = parseMaxspeedKmh(tags.maxspeed);
  const speedKmh = maxspeed === undefined ? HIGHWAY_SPEEDS_KMH[highway] : maxspeed * MAXSPEED_FACTOR;
  const oneway = tags.oneway;
  let isForward = true;
  let isBackward = true;
  if (oneway === 'yes' || oneway === '1' || oneway === 'true') isBackward = false;
  else if (oneway === '-1') isForward = false;
  else if (oneway !== 'no' && (tags.junction === 'roundabout' || highway === 'motorway')) isBackward = false;
  return { highway, classCode: HIGHWAY_CLASSES.indexOf(highway), speedKmh, isForward, isBackward };
}
