/** Runs follow-up work once the response is on its way (the API service's queue, or Next.js's after()). */
export type AfterResponse = (task: () => Promise<void>) => void;

/** A route as a plain Web handler, whatever serves it (lib/http/api-service.ts). */
export type WebHandler = (request: Request, afterResponse: AfterResponse) => Promise<Response>;
