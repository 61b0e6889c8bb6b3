import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

// A media folder of the test file's own, named in MEDIA_DIR. Called from vi.hoisted (with a dynamic import of this
// module), so that it is set before any import reads the environment; the database helper does as it is imported.
// Imports nothing of the app's.
export async function useTemporaryMediaDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "media-"));
  process.env.MEDIA_DIR = dir;
  return dir;
}
