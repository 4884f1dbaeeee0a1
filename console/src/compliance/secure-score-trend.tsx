// Secure Score over time, from the snapshot's `secureScore.secureScores` (Graph returns one score per day, up to
// 90 days: GET /security/secureScores), drawn with recharts.
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface ScorePoint {
  day: string;
  percent: number;
}

/** Graph's secureScore objects as chart points: percent of maxScore per day, oldest first. */
export function scorePoints(secureScores: unknown): ScorePoint[] {
  if (!Array.isArray(secureScores)) return [];
  return secureScores
    .filter((s): s is { createdDateTime: string; currentScore: number; maxScore: number } =>
      typeof s === 'object' && s !== null && typeof s.createdDateTime === 'string' && typeof s.currentScore === 'number' && typeof s.maxScore === 'number' && s.maxScore > 0)
    .map((s) => ({ day: s.createdDateTime.slice(0, 10), percent: Math.round((s.currentScore / s.maxScore) * 1000) / 10 }))
    .sort((a, b) => a.day.localeCompare(b.day));
}

export function SecureScoreTrend({ points }: { points: ScorePoint[] }) {
  if (points.length === 0) return <p className="muted">The newest snapshot holds no Secure Score (the SecurityEvents.Read.All permission reads it).</p>;
  const latest = points.at(-1)!;
  return (
    <figure className="score-trend" aria-label={`Secure Score trend: ${latest.percent}% on ${latest.day}`}>
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#d0d7de" />
          <XAxis dataKey="day" tick={{ fontSize: 12 }} />
          <YAxis domain={[0, 100]} unit="%" tick={{ fontSize: 12 }} width={48} />
          <Tooltip formatter={(value) => [`${String(value)}%`, 'Secure Score']} />
          <Line type="monotone" dataKey="percent" stroke="#0969da" strokeWidth={2} dot={points.length < 40} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
      <figcaption className="muted">Latest: {latest.percent}% on {latest.day} ({points.length} day(s))</figcaption>
    </figure>
  );
}
