"use client";

import { useActionState } from "react";
import type { FormResult } from "@/lib/form-result";
import { movePhaseAction } from "../actions";

type Props = { phaseId: number; categoryName: string; first: boolean; last: boolean };

export function MovePhaseButtons({ phaseId, categoryName, first, last }: Props) {
  const [result, action, pending] = useActionState<FormResult, FormData>(movePhaseAction, null);
  const button = "btn-secondary min-w-11 px-3";
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="phaseId" value={phaseId} />
      <div className="flex gap-2">
        <button type="submit" name="direction" value="up" className={button} disabled={first || pending}>
          <span aria-hidden="true">↑</span><span className="sr-only">Move {categoryName} earlier</span>
        </button>
        <button type="submit" name="direction" value="down" className={button} disabled={last || pending}>
          <span aria-hidden="true">↓</span><span className="sr-only">Move {categoryName} later</span>
        </button>
      </div>
      <p role="status" className={result?.ok === false ? "text-sm text-red-700 dark:text-red-300" : "sr-only"}>{result?.message}</p>
    </form>
  );
}
