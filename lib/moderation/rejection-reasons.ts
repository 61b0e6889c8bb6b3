// Reasons moderators give most, offered in the queue so that a rejection takes one choice rather than typing. Each
// is written to the commenter, who reads it on their comment's status page and in the refusal mail.
export const CANNED_REJECTION_REASONS = [
  "It attacks a person rather than their argument.",
  "It is off topic for this article.",
  "It advertises or promotes something.",
  "It contains hateful or discriminatory language.",
  "It makes claims about a named person that we cannot check.",
  "It repeats a comment already posted.",
] as const;
