import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterEach, describe, expect, it, vi } from "vitest";

const LINK = "https://news.example/privacy/my-comments/erase?token=secret-token";
const mail = { to: "reader@example.com", subject: "Your comments on The Harbor Ledger", text: `Erase them: ${LINK}` };

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  vi.resetModules();
});

describe("mail without an SMTP server", () => {
  it("is written as a whole message to a file only the server's user can read", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "outbox-"));
    try {
      const { writeToOutbox } = await import("@/lib/mail/outbox");
      const file = await writeToOutbox(mail, "The Harbor Ledger <comments@localhost>", path.join(dir, "outbox"));
      expect((await stat(path.join(dir, "outbox"))).mode & 0o777).toBe(0o700);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      const message = await simpleParser(await readFile(file));
      expect(message.to).toMatchObject({ text: "reader@example.com" });
      expect(message.subject).toBe("Your comments on The Harbor Ledger");
      expect(message.text?.trim()).toBe(mail.text);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("is logged by file name, with the recipient masked", async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), "site-"));
    vi.spyOn(process, "cwd").mockReturnValue(cwd);
    const logged: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => void logged.push(line));
    const env = { ...process.env };
    delete process.env.SMTP_URL;
    try {
      const { sendMail } = await import("@/lib/mail/send");
      await sendMail(mail);
      const files = await readdir(path.join(cwd, ".data", "outbox"));
      expect(files).toHaveLength(1);
      expect(logged).toHaveLength(1);
      expect(JSON.parse(logged[0]!)).toEqual({ level: "info", mail: { to: "r…@e…", subject: mail.subject, file: path.join(".data", "outbox", files[0]!) } });
      expect(logged[0]).not.toContain("secret-token");
    } finally {
      process.env = env;
      await rm(cwd, { recursive: true, force: true });
    }
  });
});
