/**
 * Signs in the way a browser does, without one: follows the designer's and the provider's
 * redirects by hand, keeps their cookies, and fills the provider's login form. For the server
 * tests and bench:server; the browser tests go through the same pages in Chromium.
 */

/** Cookies by name (the designer's and the provider's never share a name). */
export class CookieJar {
  readonly cookies = new Map<string, string>();

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  keep(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(a));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

interface Hop {
  url: string;
  status: number;
  location: string | null;
  /** The Set-Cookie lines as sent. */
  setCookie: string[];
  body: string;
}

/** One request with the jar's cookies, no redirect followed. */
export async function hop(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Hop> {
  const response = await fetch(url, {
    ...init,
    redirect: "manual",
    headers: { ...(init.headers as Record<string, string>), cookie: jar.header() },
  });
  jar.keep(response);
  const location = response.headers.get("location");
  return {
    url,
    status: response.status,
    location: location === null ? null : new URL(location, url).href,
    setCookie: response.headers.getSetCookie(),
    body: await response.text(),
  };
}

/** Follows redirects from `url` until a page answers; returns every hop. */
export async function follow(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Hop[]> {
  const hops: Hop[] = [];
  let next: Hop = await hop(jar, url, init);
  hops.push(next);
  for (let i = 0; i < 20 && next.location && next.status >= 300 && next.status < 400; i++) {
    next = await hop(jar, next.location);
    hops.push(next);
  }
  return hops;
}

/** Submits the provider's development login form shown in `page`. */
export async function submitLogin(jar: CookieJar, page: Hop, login: string): Promise<Hop[]> {
  const action = /<form[^>]*action="([^"]+)"/.exec(page.body)?.[1];
  if (!action) throw new Error(`no login form at ${page.url}: ${page.body.slice(0, 200)}`);
  const url = new URL(action.replace(/&amp;/g, "&"), page.url).href;
  return follow(jar, url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ prompt: "login", login, password: "any password" }).toString(),
  });
}

/**
 * Signs `login` in at the designer and returns the jar holding the session cookie, and the hops
 * after the login form (the last one is where the designer sent the browser back to).
 */
export async function signIn(
  designerUrl: string,
  login: string,
  returnTo = "/",
): Promise<{ jar: CookieJar; hops: Hop[] }> {
  const jar = new CookieJar();
  const start = new URL(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`, designerUrl).href;
  const toLogin = await follow(jar, start);
  const page = toLogin.at(-1);
  if (page?.status !== 200) throw new Error(`no login page: ${JSON.stringify(toLogin.at(-1))}`);
  const hops = await submitLogin(jar, page, login);
  return { jar, hops };
}
