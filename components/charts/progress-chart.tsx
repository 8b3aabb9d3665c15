"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const COLORS = ["#1d4ed8", "#15803d", "#b45309", "#7c3aed", "#be123c", "#0e7490"];

/** A share of affected subscribers over time, one line per category (percent, by day). */
export function ProgressChart({
  series,
  names,
  label = "Share of affected subscribers settled per category",
  empty = "No category has been settled yet.",
}: {
  series: Record<string, number | string>[];
  names: string[];
  label?: string;
  empty?: string;
}) {
  if (series.length === 0) return <p className="muted text-sm">{empty}</p>;
  return (
    <div className="h-72 w-full" role="img" aria-label={`${label}, from ${series[0]?.day} to ${series[series.length - 1]?.day}`}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={series} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#94a3b833" />
          <XAxis dataKey="day" tick={{ fontSize: 12, fill: "currentColor" }} />
          <YAxis unit="%" domain={[0, 100]} tick={{ fontSize: 12, fill: "currentColor" }} width={48} />
          <Tooltip formatter={(value) => `${value}%`} contentStyle={{ fontSize: 12 }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {names.map((name, i) => (
            <Line key={name} type="monotone" dataKey={name} stroke={COLORS[i % COLORS.length]} strokeWidth={2} dot={false} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
