import { describe, expect, it } from 'vitest';
import { parseMaxspeedKmh, routeWay } from './speeds.ts';

describe('routeWay (METHODS §4)', () => {
  it('gives the OSRM car speed of the highway class', () => {
    expect(routeWay({ highway: 'primary' })?.speedKmh).toBe(65);
    expect(routeWay({ highway: 'living_street' })?.speedKmh).toBe(10);
  });

  it('does not route footways, tracks, paths or ways without a highway tag', () => {
    for (const highway of ['footway', 'track', 'path', 'steps', 'pedestrian', 'cycleway']) expect(routeWay({ highway })).toBeUndefined();
    expect(routeWay({ railway: 'rail' })).toBeUndefined();
  });

  it('drops access=no and access=private but keeps other access values', () => {
    expect(routeWay({ highway: 'service', access: 'private' })).toBeUndefined();
    expect(routeWay({ highway: 'service', access: 'no' })).toBeUndefined();
    expect(routeWay({ highway: 'service', access: 'destination' })).toBeDefined();
  });

  it('lets a numeric maxspeed override the class speed at 80 %', () => {
    expect(routeWay({ highway: 'residential', maxspeed: '50' })?.speedKmh).toBe(40);
    expect(routeWay({ highway: 'residential', maxspeed: 'FR:urban' })?.speedKmh).toBe(25);
    expect(parseMaxspeedKmh('30 mph')).toBeUndefined();
    expect(parseMaxspeedKmh('0')).toBeUndefined();
  });

  it('reads oneway=yes|1|true as forward only and -1 as reverse only', () => {
    for (const oneway of ['yes', '1', 'true']) expect(routeWay({ highway: 'primary', oneway })).toMatchObject({ isForward: true, isBackward: false });
    expect(routeWay({ highway: 'primary', oneway: '-1' })).toMatchObject({ isForward: false, isBackward: true });
    expect(routeWay({ highway: 'primary', oneway: 'no' })).toMatchObject({ isForward: true, isBackward: true });
  });

  it('makes roundabouts and motorways one-way unless oneway=no', () => {
    expect(routeWay({ highway: 'tertiary', junction: 'roundabout' })).toMatchObject({ isForward: true, isBackward: false });
    expect(routeWay({ highway: 'motorway' })).toMatchObject({ isForward: true, isBackward: false });
    expect(routeWay({ highway: 'motorway', oneway: 'no' })).toMatchObject({ isForward: true, isBackward: true });
    expect(routeWay({ highway: 'motorway_link' })).toMatchObject({ isForward: true, isBackward: true });
  });
});
