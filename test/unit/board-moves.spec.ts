// The columns the API offers the board to drop a card on: one per (allowed action, column), never the card's own
// column, with the classification or re-check result the drop stands for.
import { proposedStage, taskMoves } from '../../src/indicator-task/indicator-task.board-moves';
import { itemMoves } from '../../src/rectification-item/rectification-item.board-moves';

describe('task moves', () => {
  const selfCheck = { stage: 'SELF_CHECK' as const, classification: null, awaitingReview: null };

  it('lets a unit propose a classification by dropping on the stage it leads to; the card waits for review', () => {
    expect(taskMoves(selfCheck, ['SUBMIT_SELF_CHECK', 'REQUEST_EXTENSION'])).toEqual([
      { action: 'SUBMIT_SELF_CHECK', target: 'CONSOLIDATION', immediate: false, classification: 'MET', passed: null },
      { action: 'SUBMIT_SELF_CHECK', target: 'RECTIFICATION', immediate: false, classification: 'NOT_MET', passed: null },
      { action: 'SUBMIT_SELF_CHECK', target: 'MOCK_ASSESSMENT', immediate: false, classification: 'UNKNOWN', passed: null },
    ]);
  });

  it('confirms a self-check onto the stage its classification leads to, which is also the proposed stage', () => {
    const awaiting = { stage: 'SELF_CHECK' as const, classification: 'RELAPSE_PRONE' as const, awaitingReview: 'SELF_CHECK_REVIEW' as const };
    expect(taskMoves(awaiting, ['CONFIRM_SELF_CHECK', 'RETURN_SELF_CHECK'])).toEqual([{ action: 'CONFIRM_SELF_CHECK', target: 'CONSOLIDATION', immediate: true, classification: null, passed: null }]);
    expect(proposedStage(awaiting)).toBe('CONSOLIDATION');
    expect(proposedStage({ ...awaiting, awaitingReview: null })).toBeNull();
  });

  it('offers no drop onto the column the card is in, and none for actions not allowed', () => {
    const consolidation = { stage: 'CONSOLIDATION' as const, classification: 'MET' as const, awaitingReview: null };
    expect(taskMoves(consolidation, ['RECORD_RECHECK', 'START_ARCHIVING'])).toEqual([
      { action: 'RECORD_RECHECK', target: 'RECTIFICATION', immediate: true, classification: null, passed: false },
      { action: 'START_ARCHIVING', target: 'ARCHIVING', immediate: true, classification: null, passed: null },
    ]);
    expect(taskMoves(consolidation, [])).toEqual([]);
  });
});

describe('item moves', () => {
  it('records a re-check by dropping on 已销号 (passed) or 整改中 (failed)', () => {
    expect(itemMoves({ state: 'RECHECK' }, ['RECORD_RECHECK'])).toEqual([
      { action: 'RECORD_RECHECK', target: 'CLOSED', immediate: true, passed: true },
      { action: 'RECORD_RECHECK', target: 'RECTIFYING', immediate: true, passed: false },
    ]);
  });

  it('moves a submitted fix to 已核验 or back to 退回', () => {
    expect(itemMoves({ state: 'SUBMITTED' }, ['VERIFY', 'RETURN']).map((m) => m.target)).toEqual(['VERIFIED', 'RETURNED']);
  });
});
