import { describe, expect, it } from 'vitest';
import { compareStages, isStageOverdue, localDate, PROJECT_STAGES, parseStage, reachedStage, stageIndex, withOverdueFlags } from './projects.model.ts';

describe('stage ordering', () => {
  it('runs lead → … → at_capacity', () => {
    expect(stageIndex('lead')).toBe(0);
    expect(stageIndex('at_capacity')).toBe(PROJECT_STAGES.length - 1);
    expect(compareStages('signed', 'land_supplied')).toBeLessThan(0);
  });
  it('sorts a shuffled list into pipeline order', () => {
    const shuffled = [...PROJECT_STAGES].reverse();
    expect(shuffled.sort(compareStages)).toEqual([...PROJECT_STAGES]);
  });
  it('parses only known stages', () => {
    expect(parseStage('started')).toBe('started');
    expect(parseStage('finished')).toBeUndefined();
  });
});

describe('isStageOverdue', () => {
  const today = '2025-06-15';
  it('flags a planned date in the past without an actual date', () => {
    expect(isStageOverdue({ plannedOn: '2025-06-14', actualOn: null }, today)).toBe(true);
  });
  it('does not flag a stage that happened, even late', () => {
    expect(isStageOverdue({ plannedOn: '2025-01-01', actualOn: '2025-05-01' }, today)).toBe(false);
  });
  it('does not flag a stage due today or later, or one without a plan', () => {
    expect(isStageOverdue({ plannedOn: today, actualOn: null }, today)).toBe(false);
    expect(isStageOverdue({ plannedOn: '2026-01-01', actualOn: null }, today)).toBe(false);
    expect(isStageOverdue({ plannedOn: null, actualOn: null }, today)).toBe(false);
  });
});

describe('reachedStage', () => {
  it('is the furthest stage with an actual date, whatever the input order', () => {
    expect(
      reachedStage([
        { stage: 'started', actualOn: '2024-09-01' },
        { stage: 'signed', actualOn: '2024-03-01' },
        { stage: 'completed', actualOn: null },
      ]),
    ).toBe('started');
  });
  it('is lead when nothing has happened', () => {
    expect(reachedStage([{ stage: 'signed', actualOn: null }])).toBe('lead');
  });
});

describe('withOverdueFlags', () => {
  it('orders events along the pipeline and flags each, without mutating the input', () => {
    const events = [
      { stage: 'started' as const, plannedOn: '2025-03-01', actualOn: null },
      { stage: 'signed' as const, plannedOn: '2024-12-01', actualOn: '2024-12-20' },
    ];
    const copy = structuredClone(events);
    const flagged = withOverdueFlags(events, '2025-06-01');
    expect(flagged.map((e) => [e.stage, e.isOverdue])).toEqual([
      ['signed', false],
      ['started', true],
    ]);
    expect(events).toEqual(copy);
  });
});

describe('localDate', () => {
  it('uses the China date, which runs 8 hours ahead of UTC', () => {
    expect(localDate(new Date('2025-06-14T17:00:00Z'))).toBe('2025-06-15');
    expect(localDate(new Date('2025-06-14T15:59:00Z'))).toBe('2025-06-14');
  });
});
