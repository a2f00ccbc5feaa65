/** What the browser shows after the portal sends it back to this computer. Nothing from the request is echoed. */
export type LoopbackOutcome = 'signed_in' | 'declined' | 'failed' | 'wrong_state';

const HEADINGS: Record<LoopbackOutcome, string> = {
  signed_in: 'You are signed in to the customer portal',
  declined: 'Sign-in declined',
  failed: 'Sign-in did not complete',
  wrong_state: 'Sign-in refused',
};

const TEXTS: Record<LoopbackOutcome, string> = {
  signed_in: 'authentik License Manager has received the sign-in. You can close this tab.',
  declined:
    'You declined to let authentik License Manager use your portal account, so nothing was signed in. You can close this tab.',
  failed:
    'The portal did not complete the sign-in. authentik License Manager says why; you can close this tab and try again.',
  wrong_state:
    'This answer does not carry the state of the sign-in authentik License Manager started, so it was refused. That sign-in goes on waiting for its own answer; you can close this tab.',
};

/** A small self-contained HTML page (no scripts, no external resources) for the loopback redirect. */
export function loopbackPage(outcome: LoopbackOutcome): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${HEADINGS[outcome]} – authentik License Manager</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#1c1e21}</style></head>
<body><main><h1>${HEADINGS[outcome]}</h1><p>${TEXTS[outcome]}</p></main></body>
</html>
`;
}
