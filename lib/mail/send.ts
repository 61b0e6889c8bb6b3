import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { serverEnv } from "@/lib/env";
import { logError } from "@/lib/log";

export type Mail = { to: string; subject: string; text: string; headers?: Record<string, string> };

let transporter: Transporter | undefined;

// Mail goes to the SMTP server in SMTP_URL. Without one (development), the message is written to the log with the
// recipient masked, because the log must never hold a commenter's address.
export async function sendMail(mail: Mail): Promise<void> {
  const { SMTP_URL, MAIL_FROM } = serverEnv();
  if (!SMTP_URL) {
    console.log(JSON.stringify({ level: "info", mail: { to: maskAddress(mail.to), subject: mail.subject, text: mail.text } }));
    return;
  }
  transporter ??= nodemailer.createTransport(SMTP_URL);
  try {
    await transporter.sendMail({ from: MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text, headers: mail.headers });
  } catch (error) {
    // A lost notification must not undo the comment it is about.
    logError("send-mail", error);
  }
}

// Enough to tell test mails apart, too little to identify anyone (a personal domain would).
export function maskAddress(address: string): string {
  const at = address.lastIndexOf("@");
  return at > 0 ? `${address[0]}…@${address[at + 1] ?? ""}…` : "…";
}
