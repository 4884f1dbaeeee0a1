// Secure Score trend per day from the collected GET /security/secureScores objects. Microsoft computes one score
// per tenant per day (secureScore.createdDateTime, currentScore, maxScore); a day collected twice keeps its newest.
import type { GraphObject } from './snapshot.js';

export interface SecureScorePoint {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  currentScore: number;
  maxScore: number;
  /** currentScore / maxScore as a percentage with one decimal, or null when maxScore is 0. */
  percentage: number | null;
}

export function secureScoreTrend(scores: readonly GraphObject[]): { points: SecureScorePoint[]; malformed: string[] } {
  const byDay = new Map<string, { at: number; point: SecureScorePoint }>();
  const malformed: string[] = [];
  scores.forEach((score, index) => {
    const at = typeof score?.createdDateTime === 'string' ? Date.parse(score.createdDateTime) : Number.NaN;
    const current = score?.currentScore;
    const max = score?.maxScore;
    if (Number.isNaN(at) || typeof current !== 'number' || typeof max !== 'number') {
      malformed.push(`Secure score ${index} lacks createdDateTime, currentScore or maxScore and was skipped.`);
      return;
    }
    const day = new Date(at).toISOString().slice(0, 10);
    const kept = byDay.get(day);
    if (kept && kept.at >= at) return;
    const percentage = max > 0 ? Math.round((current / max) * 1000) / 10 : null;
    byDay.set(day, { at, point: { day, currentScore: current, maxScore: max, percentage } });
  });
  const points = [...byDay.values()].map((v) => v.point).sort((a, b) => a.day.localeCompare(b.day));
  return { points, malformed };
}
