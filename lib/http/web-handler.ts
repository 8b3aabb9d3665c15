/** Runs follow-up work once the response is on its way (Next.js's after(), or the server's own queue). */
export type AfterResponse = (task: () => Promise<void>) => void;

/** A route as a plain Web handler: served by Next.js's route file or by the production server itself. */
export type WebHandler = (request: Request, afterResponse: AfterResponse) => Promise<Response>;
