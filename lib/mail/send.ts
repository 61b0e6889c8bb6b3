import "server-only";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { serverEnv } from "@/lib/env";
import { logError } from "@/lib/log";
import { writeToOutbox } from "@/lib/mail/outbox";

export type Mail = { to: string; subject: string; text: string; headers?: Record<string, string> };

let transporter: Transporter | undefined;

// Mail goes to the SMTP server in SMTP_URL. Without one (a demo, development), it is written to a file in the outbox
// (lib/mail/outbox.ts) and the log says which, with the recipient masked: the log never holds a commenter's address
// or a working link.
export async function sendMail(mail: Mail): Promise<void> {
  const { SMTP_URL, MAIL_FROM } = serverEnv();
  if (!SMTP_URL) {
    try {
      const file = await writeToOutbox(mail, MAIL_FROM);
      console.log(JSON.stringify({ level: "info", mail: { to: maskAddress(mail.to), subject: mail.subject, file: path.relative(process.cwd(), file) } }));
    } catch (error) {
      logError("outbox", error);
    }
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
