// Values scripts/test.ts hands to the browser tests.
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser tests through npm test`);
  return value;
}

export const e2eEnv = {
  databaseUrl: () => required("E2E_DATABASE_URL"),
  moderatorEmail: () => required("E2E_MODERATOR_EMAIL"),
  moderatorPassword: () => required("E2E_MODERATOR_PASSWORD"),
  serverLog: () => required("E2E_SERVER_LOG"),
  mailDir: () => required("E2E_MAIL_DIR"),
  mediaDir: () => required("E2E_MEDIA_DIR"),
  // The cluster tests: Varnish's address, and each app instance's own.
  varnishUrl: () => required("E2E_VARNISH_URL"),
  instanceUrls: () => required("E2E_INSTANCE_URLS").split(" "),
  siteSecret: () => required("E2E_SITE_SECRET"),
};

export const SEED_ARTICLE_PATH = "/articles/defense-ministers-agree-naval-hotline-after-strait-talks";
