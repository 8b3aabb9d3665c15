// Dates in emails are in UTC and say so: recipients are everywhere. Formatters are built once;
// creating an Intl.DateTimeFormat costs more than rendering the rest of a message.
const weekdayTime = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "UTC" });
const stamp = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

/** "Fri 27 Nov, 18:00 UTC" */
export const utcWeekdayTime = (date: Date) => `${weekdayTime.format(date)} UTC`;
/** "20 Nov 2026, 15:30 UTC" */
export const utcStamp = (date: Date) => `${stamp.format(date)} UTC`;
/** "31 January 2027" */
export const utcDay = (date: Date) => day.format(date);
