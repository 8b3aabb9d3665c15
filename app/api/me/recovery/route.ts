import { handleMyRecoveryGet } from "@/lib/restoration/my-recovery-api";

export function GET(request: Request): Promise<Response> {
  return handleMyRecoveryGet(request);
}
