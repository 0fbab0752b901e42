/** The app's ways of leaving the page for sign-in and sign-out (tests replace this module). */

/** Goes to another page: the identity provider's, or one of the server's sign-in pages. */
export function leaveFor(url: string): void {
  window.location.assign(url);
}

/** Sends the browser to sign in, to come back to this very page (the open pipeline is saved on the way out). */
export function goSignIn(signInUrl: string): void {
  const here = window.location.pathname + window.location.search + window.location.hash;
  const target = new URL(signInUrl, window.location.origin);
  target.searchParams.set("returnTo", here);
  leaveFor(target.pathname + target.search);
}
