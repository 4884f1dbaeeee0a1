// Secure Score trend: one point per UTC day from secureScore objects (createdDateTime, currentScore, maxScore).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { secureScoreTrend } from '../../src/features/compliance/secure-score-trend.js';

describe('secure score trend', () => {
  it('gives one point per day in day order, the newest score of a day winning', () => {
    const { points, malformed } = secureScoreTrend([
      { createdDateTime: '2026-12-03T01:00:00Z', currentScore: 40, maxScore: 80 },
      { createdDateTime: '2026-12-01T01:00:00Z', currentScore: 30, maxScore: 80 },
      { createdDateTime: '2026-12-03T00:00:00Z', currentScore: 35, maxScore: 80 },
    ]);
    assert.deepEqual(malformed, []);
    assert.deepEqual(points, [
      { day: '2026-12-01', currentScore: 30, maxScore: 80, percentage: 37.5 },
      { day: '2026-12-03', currentScore: 40, maxScore: 80, percentage: 50 },
    ]);
  });

  it('records malformed scores instead of failing, and gives no percentage when maxScore is 0', () => {
    const { points, malformed } = secureScoreTrend([
      { createdDateTime: 'not a date', currentScore: 1, maxScore: 2 },
      { createdDateTime: '2026-12-02T00:00:00Z', currentScore: '5', maxScore: 10 },
      { createdDateTime: '2026-12-02T00:00:00Z', currentScore: 0, maxScore: 0 },
    ]);
    assert.equal(malformed.length, 2);
    assert.deepEqual(points, [{ day: '2026-12-02', currentScore: 0, maxScore: 0, percentage: null }]);
  });
});
