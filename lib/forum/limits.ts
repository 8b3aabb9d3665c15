// Shared by the use cases and the forms in the browser, so this module imports nothing.
export const BODY_MIN = 3;
export const BODY_MAX = 5_000;
export const REASON_MIN = 3;
export const REASON_MAX = 500;
