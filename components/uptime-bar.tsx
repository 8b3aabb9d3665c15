import { UptimeDays } from "@/components/uptime-days";
import type { ComponentHistory, DayHistory } from "@/lib/incidents/uptime";

const quiet = (d: DayHistory) => d.incidents.length === 0 && d.maintenances.length === 0 && Object.keys(d.minutes).length === 0;

/**
 * A service's 90-day history bar. Only the days something happened on travel to the browser in
 * full; quiet days are a status each, which keeps ten services' worth of bars light.
 */
export function UptimeBar({ name, history }: { name: string; history: ComponentHistory | undefined }) {
  // A service added after the history was loaded gets its bar on the next load.
  if (!history?.days[0]) return null;
  return (
    <UptimeDays
      name={name}
      from={history.days[0].date}
      statuses={history.days.map((d) => d.status)}
      events={history.days.filter((d) => !quiet(d))}
      uptimePercent={history.uptimePercent}
      recentUptimePercent={history.recentUptimePercent}
    />
  );
}
