// The settings form as an administrator sends it with every value at its default; tests change the fields they test.
export function settingsForm(changes: Record<string, string> = {}): Record<string, string> {
  return {
    moderationMode: "HOLD_ALL",
    linkHoldThreshold: "2",
    holdWords: "",
    refuseWords: "",
    autoCloseDays: "",
    floodIntervalSeconds: "15",
    attemptsPerMinute: "30",
    minFormSeconds: "3",
    maxThreadDepth: "5",
    commentsPerPage: "50",
    fingerprintRetentionDays: "30",
    rejectedRetentionDays: "90",
    unconfirmedRetentionDays: "7",
    reportThreshold: "3",
    ...changes,
  };
}
