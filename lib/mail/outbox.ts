import "server-only";
import { randomBytes } from "node:crypto";
import { chmod, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type { Mail } from "@/lib/mail/send";

// Where mail goes when no SMTP server is configured (a demo, development): one .eml file per message, readable by
// the server's own user only, since confirmation, download and erase links work for whoever holds them. The log
// names the file, never the links.
export const OUTBOX_DIR = path.join(process.cwd(), ".data", "outbox");

// nodemailer writes the message as an SMTP server would receive it, headers and all.
const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });

export async function writeToOutbox(mail: Mail, from: string, dir = OUTBOX_DIR): Promise<string> {
  const composed = await composer.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, headers: mail.headers });
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}.eml`);
  await writeFile(file, composed.message as Buffer, { mode: 0o600, flag: "wx" });
  return file;
}
