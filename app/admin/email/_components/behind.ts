/** "caught up", "45 s", "12 min", "3 h 5 min", "2 d 4 h": how long the oldest due email has waited. */
export function formatBehind(seconds: number): string {
  if (seconds < 5) return "caught up";
  if (seconds < 60) return `${Math.floor(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}
