import { confirmUrl } from "@/lib/notifications/links";
import type { EmailTemplate } from "./types";

/** Double opt-in: the one message an unconfirmed address may get. */
export const subscriptionConfirm: EmailTemplate<Record<string, never>> = {
  name: "subscription.confirm",
  description: "Sent when someone subscribes on the status page; nothing else is sent to the address until the link is clicked.",
  list: null,
  async load(messages) {
    return new Map(messages.map((m) => [m.id, {}]));
  },
  render(_context, message) {
    return {
      subject: "Confirm your status updates",
      heading: "Please confirm your subscription",
      paragraphs: [
        "Someone — hopefully you — asked to receive incident updates at this address.",
        "Click the button to start receiving them. If it was not you, ignore this email: nothing else will be sent.",
      ],
      action: { label: "Confirm subscription", url: confirmUrl(message.toEmail) },
      reason: "You received this because this address was entered on our status page.",
    };
  },
  sample: () => ({}),
};
