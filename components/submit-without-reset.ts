import { startTransition, type FormEvent } from "react";

/**
 * An onSubmit handler that sends the form to its action without React's automatic form reset.
 * That reset puts a controlled <select> back to its first option on screen while React still
 * holds the chosen value, so a refused save would silently show something else. The form keeps
 * its `action` too, so it still works before the page has hydrated.
 */
export function submitWithoutReset(dispatch: (data: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(data));
  };
}
