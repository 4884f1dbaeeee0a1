// Secure Score over time, as the hub's trend API answers it from every snapshot's `secureScore.secureScores`
// (Graph returns one score per day, up to 90 days: GET /security/secureScores), drawn with recharts.
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface ScorePoint {
  day: string;
  percent: number;
}

export function SecureScoreTrend({ points }: { points: ScorePoint[] }) {
  if (points.length === 0) return <p className="muted">No snapshot holds a Secure Score (the SecurityEvents.Read.All permission reads it).</p>;
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
