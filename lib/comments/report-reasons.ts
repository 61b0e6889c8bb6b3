import type { ReportReason } from "@/lib/generated/prisma/enums";

// The reasons a reader can give, in the order the form offers them, as readers and moderators read them.
export const REPORT_REASON_LABELS: Record<ReportReason, string> = {
  ABUSIVE: "Abusive or hateful",
  SPAM: "Spam or advertising",
  OFF_TOPIC: "Off-topic",
  PERSONAL_INFORMATION: "Shares someone's personal information",
  ILLEGAL: "Illegal content",
  OTHER: "Something else",
};

export const REPORT_REASONS = Object.keys(REPORT_REASON_LABELS) as ReportReason[];
