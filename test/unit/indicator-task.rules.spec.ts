// Indicator-task rules: the stage a confirmed classification leads to.
// Expectations are written out by hand from the glossary, never derived from the module's own rule table, and
// dates as ISO instants rather than computed. Fixtures shared by these specs: ../support/indicator-task.fixtures.ts.
import type { Classification, Stage } from '../../workflows/indicator-task/indicator-task.types';
import { stageAfterClassification } from '../../workflows/indicator-task/indicator-task.rules';

describe('stageAfterClassification', () => {
  it.each<[Classification, Stage]>([
    ['MET', 'CONSOLIDATION'],
    ['RELAPSE_PRONE', 'CONSOLIDATION'],
    ['NOT_MET', 'RECTIFICATION'],
    ['UNKNOWN', 'MOCK_ASSESSMENT'],
  ])('sends %s to %s', (classification, stage) => {
    expect(stageAfterClassification(classification)).toBe(stage);
  });
});
