import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { to: string[]; subject: string; text: string; headers: Record<string, string> };

// A real SMTP server for the tests: it accepts every message and hands over what arrived, parsed.
export async function startSmtpSink(port: number, onMail: (mail: ReceivedMail) => void | Promise<void>): Promise<() => Promise<void>> {
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          const headers: Record<string, string> = {};
          // Raw header lines, unfolded: the parser turns some headers (List-*) into structures.
          for (const { key, line } of parsed.headerLines)
            headers[key] = line
              .slice(line.indexOf(":") + 1)
              .replace(/\r?\n\s+/g, " ")
              .trim();
          await onMail({
            to: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            headers,
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
